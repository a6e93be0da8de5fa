// The PR comment's text: a report within GitHub's 65,536 characters is kept as it is; a longer one is cut at a line,
// keeps the marker, closes what it cut open and says where the whole report is.
import { COMMENT_LIMIT, errorComment, fitComment } from '../../src/github/comment-body.js';

const MARKER = '<!-- blast-radius -->';
const RUN = 'https://github.example/octo/infra/actions/runs/4242';

function longReport(): string {
  const rows = Array.from({ length: 3000 }, (_, i) => `| \`aws_s3_bucket.logs_${i}\` | delete | production | 🧨 data |`);
  return [MARKER, '### ⛔ Blocked', '', '<details>', '<summary>Graph</summary>', '', '```mermaid', 'flowchart LR', ...rows, '```', '', '</details>', ''].join(
    '\n',
  );
}

it('keeps a report that fits', () => {
  const report = `${MARKER}\n### ✅ Passed\n`;
  expect(fitComment(report, RUN)).toBe(report);
});

describe('a report over the limit', () => {
  const report = longReport();
  const body = fitComment(report, RUN);

  it('is cut to the limit', () => {
    expect(report.length).toBeGreaterThan(COMMENT_LIMIT);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(COMMENT_LIMIT - 1000);
  });

  it('keeps the marker first, so that the next run finds the comment', () => {
    expect(body.startsWith(`${MARKER}\n### ⛔ Blocked`)).toBe(true);
  });

  it('is cut at the end of a line and closes the open code fence and <details>', () => {
    const [kept] = body.split('\n```\n</details>\n');
    expect(report.startsWith(`${kept}\n`)).toBe(true);
    expect(body).toMatch(/\n```\n<\/details>\n\n---\n<sub>✂️ blast-radius cut this report/);
  });

  it('says where the whole report is', () => {
    expect(body).toContain(`the whole report is in the job summary of [this run](${RUN}).</sub>`);
  });
});

it('never splits a surrogate pair when there is no line to cut at', () => {
  const body = fitComment(`${MARKER}${'🧨'.repeat(COMMENT_LIMIT)}`);
  expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  expect(body).toContain("this run's job summary");
});

describe('the error comment', () => {
  it('starts with the marker and shows the message in a fence it cannot close', () => {
    const body = errorComment('plan.json: ``` is not JSON', RUN);
    expect(body).toMatch(/^<!-- blast-radius -->\n### ⚠️ Not checked/);
    expect(body).toContain('````text\nplan.json: ``` is not JSON\n````');
    expect(body).toContain(`[this run](${RUN})`);
  });
});
