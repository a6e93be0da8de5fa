// Formats one GitHub Actions workflow command (`::name key=value,…::message`), escaped the way the runner unescapes
// it: https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands and actions/toolkit
// packages/core/src/command.ts (`escapeData`, `escapeProperty`).

/** The message: `%`, carriage return and line feed are percent-encoded, so that a command stays one line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as the message, and also `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `properties` whose value is undefined are left out. */
export function workflowCommand(name: string, properties: Record<string, string | undefined>, message: string): string {
  const given = Object.entries(properties).flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${escapeProperty(value)}`]));
  return `::${name}${given.length > 0 ? ` ${given.join(',')}` : ''}::${escapeData(message)}`;
}
