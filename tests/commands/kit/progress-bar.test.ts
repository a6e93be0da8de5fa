// The progress bar shows only on a terminal, outside CI, once reading has taken a second, and is erased at the end.
import { progressLine, terminalProgressBar } from '../../../src/commands/kit/progress-bar.js';

function fakeTerminal(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

describe('terminalProgressBar', () => {
  const ci = process.env.CI;
  beforeEach(() => delete process.env.CI);
  afterAll(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it('stays silent for the first second, then draws, then erases itself', () => {
    let time = 0;
    const { stream, written } = fakeTerminal(true);
    const bar = terminalProgressBar(stream, () => time);
    time = 500;
    bar?.update(10e6, 100e6);
    expect(written).toEqual([]);
    time = 1500;
    bar?.update(50e6, 100e6);
    expect(written).toEqual(['\rreading plan  [###############               ] 50%  50 MB of 100 MB\u001b[K']);
    bar?.done();
    expect(written.at(-1)).toBe('\r\u001b[K');
  });

  it('never draws when standard error is not a terminal, or in CI', () => {
    expect(terminalProgressBar(fakeTerminal(false).stream)).toBeUndefined();
    process.env.CI = 'true';
    expect(terminalProgressBar(fakeTerminal(true).stream)).toBeUndefined();
  });

  it('shows the bytes read when the size is unknown (standard input)', () => {
    expect(progressLine(123e6, undefined)).toBe('reading plan  123 MB');
  });
});
