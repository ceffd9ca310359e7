/**
 * Finds JSON objects inside a model's answer: fenced ```json blocks first, then every balanced
 * {...} in the text. Models wrap JSON in prose ("Here is my analysis: {...} Hope this helps")
 * even when told not to; we take what parses instead of failing the whole answer.
 */
export function extractJsonObjects(text: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const fences = text.matchAll(/```[a-zA-Z]*\s*\n?([\s\S]*?)```/g);
  for (const m of fences) for (const candidate of balancedObjects(m[1])) pushParsed(found, candidate);
  for (const candidate of balancedObjects(text)) pushParsed(found, candidate);
  return found;
}

function pushParsed(found: Array<Record<string, unknown>>, candidate: string): void {
  const value = parseLenient(candidate);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) found.push(value as Record<string, unknown>);
}

/** JSON.parse, then once more after fixing the slips models make most: smart quotes, trailing commas. */
function parseLenient(candidate: string): unknown {
  try {
    return JSON.parse(candidate);
  } catch {
    const repaired = candidate.replace(/[“”]/g, '"').replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(repaired);
    } catch {
      return null;
    }
  }
}

/** Top-level {...} spans, skipping braces inside strings; outermost first. */
function* balancedObjects(text: string): Generator<string> {
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"' && depth > 0) inString = true;
    else if (ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) yield text.slice(start, i + 1);
    }
  }
}
