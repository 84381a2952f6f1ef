package org.project_planton.awsdynamodb.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A path option's value. An empty one is a usage error: as a path it would mean the current
 * directory, and {@code validate --manifest ""} would quietly validate everything under it.
 */
public final class NonEmptyPath implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        if (value.isEmpty()) {
            throw new TypeConversionException("the path is empty; name a file");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("not a usable path: " + e.getReason());
        }
    }
}
