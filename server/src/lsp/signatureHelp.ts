// Signature help inside a source function or a helper function call, with the active parameter.
import type { SignatureHelp, SignatureInformation } from 'vscode-languageserver';
import { declSpec, optionsFor } from '../language/schema/declarations.js';
import { functionSpec } from '../language/schema/functions.js';
import { inCondition } from '../language/semantic/conditions.js';
import type { ParamSpec, SourceSpec } from '../language/schema/types.js';
import type { Analysis } from '../workspace/analysis.js';
import { declAt, enclosingCall } from './locate.js';

export function signatureHelp(a: Analysis, offset: number): SignatureHelp | null {
  const decl = declAt(a.file, offset, a.text);
  if (!decl) return null;
  const blockOpen = decl.block && offset > decl.block.open.start ? decl.block.open.end : decl.span.start;
  const call = enclosingCall(a.text, offset, blockOpen);
  if (!call) return null;
  const spec = declSpec(decl.keyword.name);
  const source = spec?.sources?.find((s) => s.name === call.callee);
  if (spec && source) {
    const options = optionsFor(spec, source).map((o) => ({ name: o.name, doc: o.doc }));
    const params = [...source.params, ...options.map((o) => ({ ...o, value: { type: 'expr' } }) as ParamSpec)];
    return help(signatureOf(source, params), activeIndex(source, params, call.argIndex, call.argName));
  }
  const fn = functionSpec(call.callee, inCondition(a.model, decl, call.open));
  if (!fn) return null;
  const info: SignatureInformation = {
    label: fn.signature, documentation: fn.doc,
    parameters: fn.params.map((p) => ({ label: p.name, documentation: p.doc })),
  };
  const named = call.argName ? fn.params.findIndex((p) => p.name === call.argName) : -1;
  return help(info, named >= 0 ? named : Math.min(call.argIndex, fn.params.length - 1));
}

function signatureOf(source: SourceSpec, params: ParamSpec[]): SignatureInformation {
  const positional = source.params.map((p) => p.name);
  const named = params.slice(source.params.length).map((p) => `${p.name}:`);
  return {
    label: `${source.name}(${[...positional, ...named].join(', ')})`,
    documentation: source.doc,
    parameters: params.map((p, i) => ({ label: i < source.params.length ? p.name : `${p.name}:`, documentation: p.doc })),
  };
}

function activeIndex(source: SourceSpec, params: ParamSpec[], argIndex: number, argName: string | undefined): number {
  if (argName) {
    const i = params.findIndex((p, k) => k >= source.params.length && p.name === argName);
    if (i >= 0) return i;
  }
  return Math.min(argIndex, source.params.length - 1);
}

function help(signature: SignatureInformation, activeParameter: number): SignatureHelp {
  return { signatures: [signature], activeSignature: 0, activeParameter };
}
