/**
 * Fills {{name}} placeholders. A user-edited template may contain a typo such as {{vaules}}:
 * it is left as written (the model sees it, the editor can warn from `unknown`) rather than
 * failing the run.
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const text = template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => {
    if (Object.prototype.hasOwnProperty.call(values, name)) return values[name];
    if (!unknown.includes(name)) unknown.push(name);
    return whole;
  });
  return { text, unknown };
}
