// The study language's tokens: their types (which the parser matches) and their patterns, which define the
// language; `lexer.ts` scans text into these tokens, and a test holds it to chevrotain's Lexer run on the patterns.
// Words are identifiers unless listed as operator keywords here:
// declaration kinds and option names are ordinary identifiers, recognised by the parser and the
// schema, so that `windows` can be both a declaration kind and an option key.
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, line_breaks: true, group: 'comments' });

// R and Stata users write `#` comments: lex them whole so the file reports one clear error, not a cascade.
export const HashComment = createToken({ name: 'HashComment', pattern: /#[^\n\r]*/, group: 'hashComments' });

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\n\r]|\\.)*"/, label: 'a string' });
// An unterminated string becomes its own token so the parser can say so, instead of a lexer failure.
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\n\r]|\\.)*/, label: 'an unterminated string' });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, label: 'a number' });
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'a name' });

/** Keywords every position treats as operators or literals; option keys may still be spelled with them. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });
/** Binary operators, with their precedence in OPERATOR_PRECEDENCE. */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA });

function keyword(word: string, categories: TokenType[] = []): TokenType {
  return createToken({
    name: `Kw_${word}`,
    pattern: new RegExp(`${word}\\b`),
    longer_alt: Identifier,
    categories: [Keyword, ...categories],
    label: `\`${word}\``,
  });
}
function operator(name: string, pattern: string, categories: TokenType[] = []): TokenType {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return createToken({ name, pattern: new RegExp(escaped), categories, label: `\`${pattern}\`` });
}

export const From = keyword('from');
export const True = keyword('true');
export const False = keyword('false');
export const Not = keyword('not');
export const Where = keyword('where', [BinaryOperator]);
export const By = keyword('by', [BinaryOperator]);
export const Rolling = keyword('rolling', [BinaryOperator]);
export const Of = keyword('of', [BinaryOperator]);
export const And = keyword('and', [BinaryOperator]);
export const Or = keyword('or', [BinaryOperator]);
export const In = keyword('in', [BinaryOperator]);

export const DotDot = operator('DotDot', '..', [BinaryOperator]);
export const Dot = operator('Dot', '.');
export const Tilde = operator('Tilde', '~', [BinaryOperator]);
export const Pipe = operator('Pipe', '|', [BinaryOperator]);
export const Caret = operator('Caret', '^', [BinaryOperator]);
export const Colon = operator('Colon', ':', [BinaryOperator]);
export const Comma = operator('Comma', ',');
export const EqEq = operator('EqEq', '==', [BinaryOperator]);
export const NotEq = operator('NotEq', '!=', [BinaryOperator]);
export const LessEq = operator('LessEq', '<=', [BinaryOperator]);
export const GreaterEq = operator('GreaterEq', '>=', [BinaryOperator]);
export const Less = operator('Less', '<', [BinaryOperator]);
export const Greater = operator('Greater', '>', [BinaryOperator]);
export const Equals = operator('Equals', '=');
export const Plus = operator('Plus', '+', [BinaryOperator]);
export const Minus = operator('Minus', '-', [BinaryOperator]);
export const Star = operator('Star', '*', [BinaryOperator]);
export const Slash = operator('Slash', '/', [BinaryOperator]);
// `×` reads as the paper writes a bipartite restriction (China × foreign); `x` would clash with names.
export const Times = operator('Times', '×', [BinaryOperator]);
export const LParen = operator('LParen', '(');
export const RParen = operator('RParen', ')');
export const LBrace = operator('LBrace', '{');
export const RBrace = operator('RBrace', '}');
export const LBracket = operator('LBracket', '[');
export const RBracket = operator('RBracket', ']');

/** Binding strength of each binary operator: a larger number binds tighter. */
export const OPERATOR_PRECEDENCE: ReadonlyMap<TokenType, number> = new Map([
  [Where, 1], [By, 1], [Rolling, 1], [Of, 1],
  [Tilde, 2],
  [Pipe, 3],
  [Or, 4],
  [And, 5],
  [EqEq, 6], [NotEq, 6], [Less, 6], [LessEq, 6], [Greater, 6], [GreaterEq, 6], [In, 6],
  [DotDot, 7],
  [Plus, 8], [Minus, 8],
  [Star, 9], [Slash, 9], [Times, 9],
  [Colon, 10],
  [Caret, 11],
]);

export const allTokens: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, HashComment,
  StringLiteral, UnterminatedString, NumberLiteral,
  From, True, False, Not, Where, By, Rolling, Of, And, Or, In,
  Keyword, BinaryOperator,
  Identifier,
  DotDot, Dot, Tilde, Pipe, Caret, Colon, Comma,
  EqEq, NotEq, LessEq, GreaterEq, Less, Greater, Equals,
  Plus, Minus, Star, Slash, Times,
  LParen, RParen, LBrace, RBrace, LBracket, RBracket,
];
