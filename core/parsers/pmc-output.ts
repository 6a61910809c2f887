import type { PmcOutput, PmcResponse } from '../model/pmc.js';

// pmc.c: "sending: GET X", then per answer "\t%s seq %hu %s " + "MANAGEMENT X " and fields "\n\t\t%s %s".
const SENDING = /^sending: (\w+ \w+)/;
const HEADER =
  /^\s+([0-9a-fA-F.]+-\d+) seq (\d+) (\w+) (MANAGEMENT_ERROR_STATUS|MANAGEMENT|empty-tlv|unknown-tlv)(?: (\S+))?\s*$/;
const FIELD = /^\t\t(\S+)(?:\s+(.*?))?\s*$/;

/**
 * Parses what `pmc` prints for one or more requests, each with zero or more answers (a boundary clock
 * answers PORT_DATA_SET once per port). Lines it does not know are counted; nothing throws.
 */
export function parsePmcOutput(text: string): PmcOutput {
  const output: PmcOutput = { requests: [], responses: [], unanswered: [], unparsedLines: 0 };
  let request: string | null = null;
  let answered = true;
  let current: PmcResponse | undefined;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const sending = SENDING.exec(line);
    if (sending) {
      if (request !== null && !answered) output.unanswered.push(request);
      request = sending[1]!;
      answered = false;
      output.requests.push(request);
      current = undefined;
      return;
    }
    const header = HEADER.exec(line);
    if (header) {
      answered = true;
      const dataSet = header[4] === 'MANAGEMENT' ? (header[5] ?? '') : header[4]!;
      current = {
        portIdentity: header[1]!,
        sequenceId: Number(header[2]),
        action: header[3]!,
        dataSet,
        fields: {},
        request,
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
  if (request !== null && !answered) output.unanswered.push(request);
  return output;
}
