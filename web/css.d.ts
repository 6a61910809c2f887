/** CSS imported as text (esbuild --loader:.css=text): the bundle injects it, so the page needs no stylesheet file. */
declare module '*.css' {
  const text: string;
  export default text;
}
