import type { PmcOutput, PmcResponse } from '../model/pmc.js';

// pmc.c: "sending: GET X", then per answer "\t%s seq %hu %s " + "MANAGEMENT X " and fields "\n\t\t%s %s".
const SENDING = /^sending: (\w+ \w+)/;
const HEADER =
  /^\s+([0-9a-fA-F.]+-\d+) seq (\d+) (\w+) (MANAGEMENT_ERROR_STATUS|MANAGEMENT|empty-tlv|unknown-tlv)(?: (\S+))?\s*$/;
const FIELD = /^\t\t(\S+)(?:\s+(.*?))?\s*$/;

/**
 * Parses what `pmc` prints for one or more requests, each with zero or more answers (a boundary clock
 * answers PORT_DATA_SET once per port). Interactively pmc prints each answer after its request; given
 * several requests on its command line, it sends them all first and the answers follow: an answer
 * belongs to the request that names its data set. Lines it does not know are counted; nothing throws.
 */
export function parsePmcOutput(text: string): PmcOutput {
  const output: PmcOutput = { requests: [], responses: [], unanswered: [], unparsedLines: 0 };
  const answered = new Set<number>();
  let current: PmcResponse | undefined;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const sending = SENDING.exec(line);
    if (sending) {
      output.requests.push(sending[1]!);
      current = undefined;
      return;
    }
    const header = HEADER.exec(line);
    if (header) {
      const dataSet = header[4] === 'MANAGEMENT' ? (header[5] ?? '') : header[4]!;
      const asked = requestOf(output.requests, answered, dataSet);
      if (asked >= 0) answered.add(asked);
      current = {
        portIdentity: header[1]!,
        sequenceId: Number(header[2]),
        action: header[3]!,
        dataSet,
        fields: {},
        request: asked >= 0 ? output.requests[asked]! : null,
        line: index + 1,
      };
      output.responses.push(current);
      return;
    }
    const field = current ? FIELD.exec(line) : null;
    if (field && current) {
      current.fields[field[1]!] = field[2] ?? '';
      return;
    }
    output.unparsedLines++;
  });
  output.unanswered = output.requests.filter((_, index) => !answered.has(index));
  return output;
}

/**
 * The request an answer belongs to: the first one naming its data set that has no answer yet, else the
 * last one naming it (a data set answered once per port); an error status or an unknown TLV, which name
 * none, answer the last request sent.
 */
function requestOf(requests: readonly string[], answered: ReadonlySet<number>, dataSet: string): number {
  const naming = requests
    .map((_, index) => index)
    .filter((index) => requests[index]!.split(' ')[1] === dataSet);
  return naming.find((index) => !answered.has(index)) ?? naming.at(-1) ?? requests.length - 1;
}
