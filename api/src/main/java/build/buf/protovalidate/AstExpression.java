// Copyright 2023-2026 Buf Technologies, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package build.buf.protovalidate;

import build.buf.protovalidate.exceptions.CompilationException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.compiler.CelCompiler;
import org.project_planton.awsdynamodb.manifest.CheckedExpressions;

/**
 * {@link AstExpression} is a compiled CEL {@link CelAbstractSyntaxTree}.
 *
 * <p><b>project-planton:</b> this is protovalidate-java 1.3.0's own {@code AstExpression}, the one
 * place where it parses and type-checks a rule's CEL, with two lines added (marked below): a rule
 * the build already compiled is taken from {@link CheckedExpressions} instead of being parsed and
 * checked again on every run, and the build step records what it compiles. Parsing and checking
 * the rules was about half of a cold {@code validate}'s CEL work (bench/startup.sh). protovalidate
 * has no public way to hand it checked expressions (its compiler and rule cache are
 * package-private), so this class shadows the library's: it comes first on every class path
 * (the api jar precedes protovalidate's). {@code CheckedExpressionsTest} fails when protovalidate
 * ships a different {@code AstExpression}, or when this copy is not the one loaded.
 */
final class AstExpression {
  /** The compiled CEL AST. */
  final CelAbstractSyntaxTree ast;

  /** Contains the original expression from the proto file. */
  final Expression source;

  /** Constructs a new {@link AstExpression}. */
  private AstExpression(CelAbstractSyntaxTree ast, Expression source) {
    this.ast = ast;
    this.source = source;
  }

  /**
   * Compiles the given expression to a {@link AstExpression}.
   *
   * @param cel The CEL compiler.
   * @param expr The expression to compile.
   * @return The compiled {@link AstExpression}.
   * @throws CompilationException if the expression compilation fails.
   */
  static AstExpression newAstExpression(CelCompiler cel, Expression expr)
      throws CompilationException {
    // project-planton: the checked AST the build compiled for this rule, if any.
    CelAbstractSyntaxTree checked = CheckedExpressions.lookup(expr.id, expr.expression);
    if (checked != null) {
      return new AstExpression(checked, expr);
    }
    CelValidationResult compileResult = cel.compile(expr.expression);
    if (!compileResult.getAllIssues().isEmpty()) {
      throw new CompilationException(
          "Failed to compile expression " + expr.id + ":\n" + compileResult.getIssueString());
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = compileResult.getAst();
    } catch (CelValidationException e) {
      // This will not happen as we checked for issues, and it only throws when
      // it has at least one issue of error severity.
      throw new CompilationException(
          "Failed to compile expression " + expr.id + ":\n" + compileResult.getIssueString());
    }
    CelKind outKind = ast.getResultType().kind();
    if (outKind != CelKind.BOOL && outKind != CelKind.STRING) {
      throw new CompilationException(
          String.format(
              "Expression outputs, wanted either bool or string: %s %s", expr.id, outKind));
    }
    // project-planton: the build step records what it compiles.
    CheckedExpressions.compiled(expr.id, expr.expression, ast);
    return new AstExpression(ast, expr);
  }
}
