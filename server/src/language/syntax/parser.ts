// The chevrotain grammar of one declaration. `parse.ts` splits a file into declarations first, so an
// error inside one declaration never disturbs the others; chevrotain's own recovery (token insertion,
// deletion and re-sync inside repetitions) keeps as much of the broken declaration as it can.
import {
  EmbeddedActionsParser, EOF, tokenMatcher,
  type IOrAlt, type IParserErrorMessageProvider, type IToken, type TokenType,
} from 'chevrotain';
import * as T from './tokens.js';
import type { Arg, Block, Decl, Entry, Expr, Span } from './ast.js';
import {
  argNode, assignNode, binaryNode, blockNode, boolLit, declNode, ident, isKey, itemNode, memberNode, nameOrCallNode,
  NOT_MIN_PRECEDENCE, nowhere, numberLit, operatorSpan, optionNode, startDeclaration, startsExpression, stringLit, tokenSpan, tupleNode, unaryNode,
} from './nodes.js';

function describe(token: IToken): string {
  return token.tokenType === EOF ? 'the end of the declaration' : `\`${token.image}\``;
}
function label(type: TokenType): string {
  return type.LABEL ?? type.name;
}

const RULE_EXPECTATIONS: Record<string, string> = {
  declaration: 'a declaration such as `dataset name from "file.csv"` or `network name = coapplication(data)`',
  entry: 'an option `key: value`, a variable `Name = expression` or an item',
  primary: 'an expression',
  unary: 'an expression',
  optionKey: 'an option name',
};

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    if (expected === T.RParen) return `Expected \`)\` to close \`(\`, found ${describe(actual)}`;
    if (expected === T.RBrace) return `Expected \`}\` to close the block, found ${describe(actual)}`;
    if (expected === T.RBracket) return `Expected \`]\` to close the list, found ${describe(actual)}`;
    return `Expected ${label(expected)}, found ${describe(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Unexpected ${describe(firstRedundant)}: the declaration ended before it. Put each declaration on its own line, or separate list items with commas`;
  },
  buildNoViableAltMessage({ actual, previous, ruleName }) {
    if (previous && tokenMatcher(previous, T.Comma)) return `Expected a value after \`,\`, found ${describe(actual[0])}: remove the trailing comma or add the value`;
    return `Expected ${RULE_EXPECTATIONS[ruleName] ?? 'something else'}, found ${describe(actual[0])}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    return `Expected ${RULE_EXPECTATIONS[ruleName] ?? 'more input'}, found ${describe(actual[0])}`;
  },
};

export interface ParserHooks {
  /** Errors found by actions rather than by the grammar (a dangling operator, an unterminated string). */
  report(message: string, span: Span): void;
}

export class StudyParser extends EmbeddedActionsParser {
  hooks: ParserHooks = { report: () => undefined };

  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: errorMessages });
    this.performSelfAnalysis();
  }

  /** Parses one declaration's tokens; `errors` then holds the grammar's errors. */
  parse(tokens: IToken[]): Decl | undefined {
    startDeclaration(tokens);
    this.input = tokens;
    return this.declaration();
  }

  public declaration = this.RULE('declaration', (): Decl => {
    const keyword = this.CONSUME(T.Identifier);
    let name: IToken | undefined;
    let title: IToken | undefined;
    let from: IToken | undefined;
    let block: Block | undefined;
    const values: Expr[] = [];
    this.OPTION(() => this.OR([
      { ALT: () => { name = this.CONSUME2(T.Identifier); } },
      { ALT: () => { title = this.CONSUME(T.StringLiteral); } },
    ]));
    this.OPTION2(() => {
      this.CONSUME(T.From);
      this.OR2([
        { ALT: () => { from = this.CONSUME2(T.StringLiteral); } },
        {
          ALT: () => {
            from = this.CONSUME(T.UnterminatedString);
            this.ACTION(() => this.hooks.report('Unterminated string: add the closing `"` on the same line', tokenSpan(from!)!));
          },
        },
      ]);
    });
    this.OPTION3(() => {
      this.CONSUME(T.Equals);
      values.push(this.SUBRULE(this.expression, { ARGS: [0] }));
      this.MANY(() => {
        this.CONSUME(T.Comma);
        values.push(this.SUBRULE2(this.expression, { ARGS: [0] }));
      });
    });
    this.OPTION4(() => { block = this.SUBRULE(this.block); });
    return this.ACTION(() => declNode(keyword, name, title, from, values, block));
  });

  private block = this.RULE('block', (): Block => {
    const open = this.CONSUME(T.LBrace);
    const entries: Entry[] = [];
    this.MANY(() => {
      entries.push(this.SUBRULE(this.entry));
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    const close = this.CONSUME(T.RBrace);
    return this.ACTION(() => blockNode(open, entries, close));
  });

  private entryAlternatives?: IOrAlt<Entry>[];
  private entry = this.RULE('entry', (): Entry => this.OR(this.entryAlternatives ??= [
    { GATE: () => isKey(this.LA(1)) && tokenMatcher(this.LA(2), T.Colon), ALT: () => this.SUBRULE(this.optionEntry) },
    { GATE: () => tokenMatcher(this.LA(2), T.Equals), ALT: () => this.SUBRULE2(this.assignEntry) },
    { ALT: () => this.SUBRULE3(this.itemEntry) },
  ]));

  private optionEntry = this.RULE('optionEntry', (): Entry => {
    const key = this.SUBRULE(this.optionKey);
    this.CONSUME(T.Colon);
    const values: Expr[] = [];
    this.OPTION({
      GATE: () => startsExpression(this.LA(1)),
      DEF: () => {
        values.push(this.SUBRULE(this.expression, { ARGS: [0] }));
        // A comma continues the value list unless it is followed by the next `key:` or `Name =`.
        this.MANY({
          GATE: () => !(isKey(this.LA(2)) && (tokenMatcher(this.LA(3), T.Colon) || tokenMatcher(this.LA(3), T.Equals))),
          DEF: () => {
            this.CONSUME(T.Comma);
            values.push(this.SUBRULE2(this.expression, { ARGS: [0] }));
          },
        });
      },
    });
    return this.ACTION(() => optionNode(key, values));
  });

  private optionKeyAlternatives?: IOrAlt<IToken>[];
  private optionKey = this.RULE('optionKey', (): IToken => this.OR(this.optionKeyAlternatives ??= [
    { ALT: () => this.CONSUME(T.Identifier) },
    { ALT: () => this.CONSUME(T.Keyword) },
  ]));

  private assignEntry = this.RULE('assignEntry', (): Entry => {
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    let value: Expr | undefined;
    this.OPTION({ GATE: () => startsExpression(this.LA(1)), DEF: () => { value = this.SUBRULE(this.expression, { ARGS: [0] }); } });
    return this.ACTION(() => {
      const n = ident(name);
      if (!value) this.hooks.report(`Expected an expression after \`${n.name} =\``, n.span);
      return assignNode(n, value);
    });
  });

  private itemEntry = this.RULE('itemEntry', (): Entry => {
    const value = this.SUBRULE(this.expression, { ARGS: [0] });
    // No value means recovery skipped it: the block drops the entry (see `present` there).
    return this.ACTION(() => (value ? itemNode(value) : (undefined as unknown as Entry)));
  });

  /** Precedence climbing: operators binding tighter than `minPrecedence` extend the left operand. */
  public expression = this.RULE('expression', (minPrecedence: number = 0): Expr => {
    let left = this.SUBRULE(this.unary);
    this.MANY({
      // A keyword followed by `:` is the next option's key (`where: …`), not an operator.
      GATE: () => (T.OPERATOR_PRECEDENCE.get(this.LA(1).tokenType) ?? -1) > minPrecedence
        && !(tokenMatcher(this.LA(1), T.Keyword) && tokenMatcher(this.LA(2), T.Colon)),
      DEF: () => {
        const op = this.CONSUME(T.BinaryOperator);
        let right: Expr | undefined;
        this.OPTION({
          GATE: () => startsExpression(this.LA(1)),
          DEF: () => { right = this.SUBRULE(this.expression, { ARGS: [T.OPERATOR_PRECEDENCE.get(op.tokenType) ?? 0] }); },
        });
        left = this.ACTION(() => {
          // An open range `2..` is allowed (lag ranges: `l(x, 2..)`); any other operator needs a right side.
          if (!right && op.tokenType !== T.DotDot) this.hooks.report(`Expected an expression after \`${op.image}\``, operatorSpan(op, left));
          // Recovery can leave the left operand missing: keep what exists rather than a hole in the tree.
          if (!left) return right as Expr;
          return binaryNode(op, left, right);
        });
      },
    });
    return left;
  });

  // Alternatives that capture nothing but `this` are built once (chevrotain's advice: no arrays and closures per call).
  private unaryAlternatives?: IOrAlt<Expr>[];
  private unary = this.RULE('unary', (): Expr => this.OR(this.unaryAlternatives ??= [
    {
      ALT: () => {
        const minus = this.CONSUME(T.Minus);
        const operand = this.SUBRULE(this.unary);
        return this.ACTION(() => unaryNode('-', minus, operand));
      },
    },
    {
      ALT: () => {
        const not = this.CONSUME(T.Not);
        const operand = this.SUBRULE(this.expression, { ARGS: [NOT_MIN_PRECEDENCE] });
        return this.ACTION(() => unaryNode('not', not, operand));
      },
    },
    { ALT: () => this.postfix() },
  ]));

  /**
   * A primary and its `.member` chain. Inlined in `unary`, and a name or call in `primary`, rather than rules
   * of their own: every operand goes through them, and a chevrotain rule invocation costs about as much as
   * the rest of parsing a name (a 65,536-declaration spec makes millions).
   */
  private postfix(): Expr {
    let object = this.SUBRULE(this.primary);
    this.MANY(() => {
      const dot = this.CONSUME(T.Dot);
      let property: IToken | undefined;
      this.OPTION(() => { property = this.CONSUME(T.Identifier); });
      object = this.ACTION(() => {
        if (!object) return object;
        const prop = property && tokenSpan(property) ? ident(property) : undefined;
        if (!prop) this.hooks.report('Expected a name after `.`', tokenSpan(dot) ?? object.span);
        return memberNode(object, dot, prop);
      });
    });
    return object;
  }

  private primaryAlternatives?: IOrAlt<Expr>[];
  private primary = this.RULE('primary', (): Expr => this.OR(this.primaryAlternatives ??= [
    { ALT: () => this.nameOrCall() },
    {
      ALT: () => {
        const t = this.CONSUME(T.NumberLiteral);
        return this.ACTION(() => numberLit(t));
      },
    },
    { ALT: () => { const t = this.CONSUME(T.StringLiteral); return this.ACTION(() => stringLit(t)); } },
    {
      ALT: () => {
        const t = this.CONSUME(T.UnterminatedString);
        return this.ACTION(() => {
          const s = stringLit(t);
          this.hooks.report('Unterminated string: add the closing `"` on the same line', s.span);
          return s;
        });
      },
    },
    { ALT: () => { const t = this.CONSUME(T.True); return this.ACTION(() => boolLit(t, true)); } },
    { ALT: () => { const t = this.CONSUME(T.False); return this.ACTION(() => boolLit(t, false)); } },
    { ALT: () => this.SUBRULE2(this.tuple) },
    { ALT: () => this.SUBRULE3(this.list) },
  ]));

  /** A name, or a call when `(` follows; inlined in `primary` (see `postfix`). */
  private nameOrCall(): Expr {
    const name = this.CONSUME(T.Identifier);
    let open: IToken | undefined;
    let close: IToken | undefined;
    const args: Arg[] = [];
    this.OPTION(() => {
      open = this.CONSUME(T.LParen);
      // `f()` has no arguments; the checks say which ones are missing.
      this.OPTION2({
        GATE: () => !tokenMatcher(this.LA(1), T.RParen),
        DEF: () => {
          args.push(this.SUBRULE(this.argument));
          this.MANY(() => {
            this.CONSUME(T.Comma);
            args.push(this.SUBRULE2(this.argument));
          });
        },
      });
      close = this.CONSUME(T.RParen);
    });
    return this.ACTION(() => nameOrCallNode(name, open, args, close));
  }

  private argument = this.RULE('argument', (): Arg => {
    let name: IToken | undefined;
    let value: Expr | undefined;
    this.OPTION({
      GATE: () => isKey(this.LA(1)) && tokenMatcher(this.LA(2), T.Colon),
      DEF: () => { name = this.SUBRULE(this.optionKey); this.CONSUME(T.Colon); },
    });
    this.OPTION2({ GATE: () => startsExpression(this.LA(1)), DEF: () => { value = this.SUBRULE(this.expression, { ARGS: [0] }); } });
    return this.ACTION(() => {
      const n = name && tokenSpan(name) ? ident(name) : undefined;
      if (!n && !value) this.hooks.report(`Expected an argument, found ${describe(this.LA(1))}`, tokenSpan(this.LA(1)) ?? nowhere());
      return argNode(n, value);
    });
  });

  private tuple = this.RULE('tuple', (): Expr => this.bracketed(T.LParen, T.RParen, '('));
  private list = this.RULE('list', (): Expr => this.bracketed(T.LBracket, T.RBracket, '['));

  private bracketed(openType: TokenType, closeType: TokenType, bracket: '(' | '['): Expr {
    const open = this.CONSUME(openType);
    const items: Expr[] = [];
    this.OPTION(() => {
      items.push(this.SUBRULE(this.expression, { ARGS: [0] }));
      this.MANY(() => {
        this.CONSUME(T.Comma);
        items.push(this.SUBRULE2(this.expression, { ARGS: [0] }));
      });
    });
    const close = this.CONSUME(closeType);
    return this.ACTION(() => tupleNode(bracket, open, items, close));
  }
}
