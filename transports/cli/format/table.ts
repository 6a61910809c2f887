/** Renders rows as left-aligned columns separated by two spaces (plain text, no colours). */
export function renderTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '-';
  const text = digits === 0 ? String(Math.round(value)) : value.toFixed(digits);
  // A value that rounds to zero reads 0, whatever its sign (-0.04 ns is not a negative offset to show).
  return /^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text;
}
