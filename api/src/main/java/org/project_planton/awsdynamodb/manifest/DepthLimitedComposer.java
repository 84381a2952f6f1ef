package org.project_planton.awsdynamodb.manifest;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * snakeyaml-engine's composer with a cap on how deeply lists and mappings nest. The composer
 * recurses once per level, so a hostile document of a few thousand {@code [} overflows the
 * stack; snakeyaml-engine 2.10 has no such setting of its own. Every YAML text this project
 * reads (manifests, {@code --set} values, Pulumi.yaml) is composed through here.
 */
public final class DepthLimitedComposer extends Composer {
    /** A manifest nests about 6 levels deep; no YAML file this project reads comes near this. */
    public static final int MAX_DEPTH = 64;

    private int depth;

    /** The YAML text is nested deeper than {@link #MAX_DEPTH}; the mark is where the level too many opens. */
    public static final class TooDeepException extends MarkedYamlEngineException {
        TooDeepException(Optional<Mark> mark) {
            super("", Optional.empty(), "lists and mappings nest more than " + MAX_DEPTH + " levels deep", mark);
        }
    }

    private DepthLimitedComposer(LoadSettings settings, ParserImpl parser) {
        super(settings, parser);
    }

    /** A composer of every document in {@code text}. */
    public static DepthLimitedComposer of(LoadSettings settings, String text) {
        return new DepthLimitedComposer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
    }

    @Override
    protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
        enter();
        try {
            return super.composeSequenceNode(anchor);
        } finally {
            depth--;
        }
    }

    @Override
    protected Node composeMappingNode(Optional<Anchor> anchor) {
        enter();
        try {
            return super.composeMappingNode(anchor);
        } finally {
            depth--;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new TooDeepException(parser.peekEvent().getStartMark());
        }
    }
}
