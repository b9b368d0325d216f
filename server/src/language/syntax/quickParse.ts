// Well-formed declarations, which are nearly all of any spec, parsed without chevrotain: a direct recursive
// descent over the grammar of `parser.ts`, building the same nodes (`nodes.ts`), that gives up at the first
// token where that grammar would report an error. Chevrotain then parses the declaration, with its error
// recovery and messages. A 65,536-declaration spec parses in a fraction of chevrotain's time; a test holds
// the two to the same tree on every input this parser accepts.
import type { IToken, TokenType } from 'chevrotain';
import type { Arg, Block, Decl, Entry, Expr } from './ast.js';
import {
  argNode, assignNode, binaryNode, blockNode, boolLit, declNode, ident, isKey, itemNode, memberNode,
  nameOrCallNode, NOT_MIN_PRECEDENCE, numberLit, optionNode, startsExpression, stringLit, tupleNode, unaryNode,
} from './nodes.js';
import * as T from './tokens.js';

/** Thrown where the grammar would report an error: the caller falls back to chevrotain. */
const GIVE_UP = Symbol('give up');

/** The declaration's tree, or undefined when it has a syntax error (or nests deeper than `limitNesting` allows). */
export function quickParse(tokens: IToken[]): Decl | undefined {
  try {
    return new QuickParser(tokens).declaration();
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}

class QuickParser {
  private i = 0;

  constructor(private readonly tokens: IToken[]) {}

  declaration(): Decl {
    const keyword = this.expect(T.Identifier);
    let name: IToken | undefined;
    let title: IToken | undefined;
    let from: IToken | undefined;
    let block: Block | undefined;
    const values: Expr[] = [];
    if (this.is(T.Identifier)) name = this.take();
    else if (this.is(T.StringLiteral)) title = this.take();
    if (this.is(T.From)) {
      this.take();
      from = this.expect(T.StringLiteral);
    }
    if (this.is(T.Equals)) {
      this.take();
      values.push(this.expression(0));
      while (this.is(T.Comma)) {
        this.take();
        values.push(this.expression(0));
      }
    }
    if (this.is(T.LBrace)) block = this.block();
    if (this.i < this.tokens.length) throw GIVE_UP;
    return declNode(keyword, name, title, from, values, block);
  }

  private block(): Block {
    const open = this.take();
    const entries: Entry[] = [];
    while (!this.is(T.RBrace)) {
      entries.push(this.entry());
      if (this.is(T.Comma)) this.take();
    }
    return blockNode(open, entries, this.take());
  }

  private entry(): Entry {
    const first = this.at(1);
    if (isKey(first) && this.is(T.Colon, 2)) return this.optionEntry();
    if (first.tokenType === T.Identifier && this.is(T.Equals, 2)) {
      const name = ident(this.take());
      this.take();
      return assignNode(name, this.expression(0));
    }
    return itemNode(this.expression(0));
  }

  private optionEntry(): Entry {
    const key = this.take();
    this.take();
    const values: Expr[] = [];
    if (this.startsExpression(1)) {
      values.push(this.expression(0));
      // A comma continues the value list unless the next `key:` or `Name =` follows it.
      while (this.is(T.Comma) && !(this.isKey(2) && (this.is(T.Colon, 3) || this.is(T.Equals, 3)))) {
        this.take();
        values.push(this.expression(0));
      }
    }
    return optionNode(key, values);
  }

  /** Precedence climbing, as `expression` in parser.ts. */
  private expression(minPrecedence: number): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.tokens[this.i];
      const precedence = op && T.OPERATOR_PRECEDENCE.get(op.tokenType);
      if (precedence === undefined || precedence <= minPrecedence) return left;
      // A keyword followed by `:` is the next option's key (`where: …`), not an operator.
      if (isKey(op) && op.tokenType !== T.Identifier && this.is(T.Colon, 2)) return left;
      this.take();
      let right: Expr | undefined;
      if (this.startsExpression(1)) right = this.expression(precedence);
      else if (op.tokenType !== T.DotDot) throw GIVE_UP;
      left = binaryNode(op, left, right);
    }
  }

  private unary(): Expr {
    const t = this.at(1);
    if (t.tokenType === T.Minus) {
      this.take();
      return unaryNode('-', t, this.unary());
    }
    if (t.tokenType === T.Not) {
      this.take();
      return unaryNode('not', t, this.expression(NOT_MIN_PRECEDENCE));
    }
    let object = this.primary();
    while (this.is(T.Dot)) {
      const dot = this.take();
      object = memberNode(object, dot, ident(this.expect(T.Identifier)));
    }
    return object;
  }

  private primary(): Expr {
    const t = this.at(1);
    switch (t.tokenType) {
      case T.Identifier: return this.nameOrCall();
      case T.NumberLiteral: this.take(); return numberLit(t);
      case T.StringLiteral: this.take(); return stringLit(t);
      case T.True: this.take(); return boolLit(t, true);
      case T.False: this.take(); return boolLit(t, false);
      case T.LParen: return this.bracketed('(', T.RParen);
      case T.LBracket: return this.bracketed('[', T.RBracket);
      default: throw GIVE_UP;
    }
  }

  private nameOrCall(): Expr {
    const name = this.take();
    if (!this.is(T.LParen)) return nameOrCallNode(name, undefined, [], undefined);
    const open = this.take();
    const args: Arg[] = [];
    if (!this.is(T.RParen)) {
      args.push(this.argument());
      while (this.is(T.Comma)) {
        this.take();
        args.push(this.argument());
      }
    }
    return nameOrCallNode(name, open, args, this.expect(T.RParen));
  }

  private argument(): Arg {
    let name;
    if (isKey(this.at(1)) && this.is(T.Colon, 2)) {
      name = ident(this.take());
      this.take();
    }
    const value = this.startsExpression(1) ? this.expression(0) : undefined;
    if (!name && !value) throw GIVE_UP;
    return argNode(name, value);
  }

  private bracketed(bracket: '(' | '[', close: TokenType): Expr {
    const open = this.take();
    const items: Expr[] = [];
    if (this.startsExpression(1)) {
      items.push(this.expression(0));
      while (this.is(T.Comma)) {
        this.take();
        items.push(this.expression(0));
      }
    }
    return tupleNode(bracket, open, items, this.expect(close));
  }

  /** The k-th token from here; past the end there is nothing left to parse, which is an error. */
  private at(k: number): IToken {
    const t = this.tokens[this.i + k - 1];
    if (!t) throw GIVE_UP;
    return t;
  }

  private is(type: TokenType, k = 1): boolean {
    return this.tokens[this.i + k - 1]?.tokenType === type;
  }

  private isKey(k: number): boolean {
    const t = this.tokens[this.i + k - 1];
    return t !== undefined && isKey(t);
  }

  private startsExpression(k: number): boolean {
    const t = this.tokens[this.i + k - 1];
    return t !== undefined && startsExpression(t);
  }

  private take(): IToken {
    return this.tokens[this.i++];
  }

  private expect(type: TokenType): IToken {
    if (!this.is(type)) throw GIVE_UP;
    return this.take();
  }
}
