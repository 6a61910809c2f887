/**
 * `tail -v -n +1 FILE...`: several files in one exec, each whole after a `==> FILE <==` header (GNU tail;
 * headers after the first start with a blank line). A file tail cannot open gets no header, only a
 * message on stderr.
 */

/** What GNU tail prints for these files; `undefined` text: the file does not exist. */
export function tailOutput(files: readonly { path: string; text: string | undefined }[]): {
  stdout: string;
  stderr: string;
} {
  let stdout = '';
  let stderr = '';
  for (const { path, text } of files) {
    if (text === undefined) {
      stderr += `tail: cannot open '${path}' for reading: No such file or directory\n`;
      continue;
    }
    stdout += `${stdout === '' ? '' : '\n'}==> ${path} <==\n${text}`;
  }
  return { stdout, stderr };
}

/** The text of each file found in tail's output, read in the order the files were asked for. */
export function splitTailOutput(stdout: string, paths: readonly string[]): Map<string, string> {
  const found: { path: string; start: number; body: number }[] = [];
  let from = 0;
  for (const path of paths) {
    const header = `==> ${path} <==\n`;
    let start = stdout.indexOf(header, from);
    // A header starts the output or follows the blank line tail puts between files.
    while (start > 0 && stdout[start - 1] !== '\n') start = stdout.indexOf(header, start + 1);
    if (start < 0) continue;
    found.push({ path, start, body: start + header.length });
    from = start + header.length;
  }
  const texts = new Map<string, string>();
  found.forEach(({ path, body }, index) => {
    const next = found[index + 1];
    texts.set(path, stdout.slice(body, next ? next.start - 1 : stdout.length));
  });
  return texts;
}
