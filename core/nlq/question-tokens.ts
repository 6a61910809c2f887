/** A stretch of a question: [start, end) offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A whitespace-separated word of a question, its surrounding punctuation and a possessive `'s` removed. */
export interface Token extends Span {
  text: string;
}

export function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const m of text.matchAll(/[^\s/,;]+/g)) {
    const raw = m[0];
    const lead = raw.match(/^[("'`[{<]*/)![0].length;
    const body = raw.slice(lead).replace(/[)"'`\]}>?!.:]+$/, '');
    const word = body.replace(/'s$/, '');
    if (word.length > 0) found.push({ text: word, start: m.index + lead, end: m.index + lead + word.length });
  }
  return found;
}

export function overlaps(span: Span, spans: readonly Span[]): boolean {
  return spans.some((other) => span.start < other.end && other.start < span.end);
}

/** Words that carry no subject: never a node name, never a reason to suggest an intent. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about across after again ago all also an and another any anything are as at average be been before
  being between both but by can could did do does doing done down during each either else ever every
  everything example few for from get give go going got had has have here host hosts how i if in instance
  into is it its just least less let list long longer look many may me might more most much must my
  nothing now of off ok okay on only or other our out over own per please right same see several shall
  should show since so some something still such sure tell than that the their them then there these
  they this those through time times to today tomorrow tonight too under until up us very via want was we
  were what when where which while who whom whose why will with would yes yesterday you your node nodes
  cluster clusters site everyone whole`
    .split(/\s+/)
    .filter(Boolean),
);
