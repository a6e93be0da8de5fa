// Whether text starts as a Terraform plan does: `{` after white space and a UTF-8 byte order mark.

export const startsLikePlan = (text: string): boolean => /^\uFEFF?\s*\{/.test(text);
