// Hides credential values inside command text before it is quoted back to a person or a model: a URL's password
// (`postgresql://app:***@db/x`), `password=` of a connection string, `--password VALUE`, mysql's `-pVALUE`, and
// variables whose names say they hold a secret (`PGPASSWORD=***`). Names, hosts and databases stay: they are the evidence.
const RULES: [RegExp, string][] = [
  [/([a-z][a-z0-9+.-]*:\/\/[^/@\s:'"]+):([^@\s/'"]+)@/gi, '$1:***@'],
  [/\b(password|passwd|pwd)=([^\s;'"&]+)/gi, '$1=***'],
  [/(--password[= ])([^\s'"]+)/g, '$1***'],
  // mysql's and mariadb's `-pSECRET`: the password written against the flag.
  [/(\b(?:mysql|mariadb|mysqldump)\b[^|;&\n]*?\s-p)([^\s'"]+)/g, '$1***'],
  [/\b([A-Z0-9_]*(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY)[A-Z0-9_]*=)([^\s'"]+)/g, '$1***'],
];

export function redactCredentials(text: string): string {
  return RULES.reduce((redacted, [pattern, replacement]) => redacted.replace(pattern, replacement), text);
}
