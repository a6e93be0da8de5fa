// The command corpus, decided in process: every deny line is refused and every pass line passes.
import { decide } from '../../src/hooks/decide.js';
import { needsInspection } from '../../src/hooks/prefilter.js';
import { DENY, PASS } from './command-corpus.js';

it('holds at least 150 commands, none listed twice', () => {
  expect(DENY.length + PASS.length).toBeGreaterThanOrEqual(150);
  expect(new Set([...DENY, ...PASS]).size).toBe(DENY.length + PASS.length);
});

describe('refused', () => {
  it.each(DENY)('%s', async (command) => {
    expect(needsInspection(command)).toBe(true);
    const decision = await decide(command);
    expect(decision.verdict).toBe('deny');
  });
});

describe('passed', () => {
  it.each(PASS)('%s', async (command) => {
    // Whether or not the pre-filter sends it on, the full decision lets it run.
    expect((await decide(command)).verdict).toBe('pass');
  });
});
