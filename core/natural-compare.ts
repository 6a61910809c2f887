/**
 * Orders names as people number them: worker-2 before worker-10, ens1f2 before ens1f10. Runs of digits
 * compare by value, the text between them by code unit (the same order on every machine, unlike a
 * locale's collation); names equal but for leading zeros (worker-01, worker-1) then compare as text, so
 * the order is total and a sort always gives the same list.
 */
export function naturalCompare(a: string, b: string): number {
  const left = chunks(a);
  const right = chunks(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    const order = isDigits(x) && isDigits(y) ? compareDigits(x, y) : compareText(x, y);
    if (order !== 0) return order;
  }
  return left.length - right.length || compareText(a, b);
}

const CHUNK = /\d+|\D+/g;

function chunks(text: string): string[] {
  return text.match(CHUNK) ?? [];
}

function isDigits(chunk: string): boolean {
  const code = chunk.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** By value, without Number: a run of digits may be longer than a double holds exactly. */
function compareDigits(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  return a.length - b.length || compareText(a, b);
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
