// The INI parser shared by the AWS and gcloud readers: configparser's rules, and only the asked-for values kept.
import { parseIni } from '../../src/credentials/parse-ini.js';

it('keeps the values of the listed keys only, and every key name', () => {
  const result = parseIni('[profile a]\nRegion = eu-west-1\naws_secret_access_key = SECRET-MARKER\n; comment\n# comment\n[b]\nregion: us-east-1\n', ['region']);
  expect(result).toEqual({
    ok: true,
    sections: [
      { name: 'profile a', line: 1, keys: ['region', 'aws_secret_access_key'], values: { region: 'eu-west-1' } },
      { name: 'b', line: 6, keys: ['region'], values: { region: 'us-east-1' } },
    ],
  });
  expect(JSON.stringify(result)).not.toContain('SECRET-MARKER');
});

it('skips lines that continue a setting (AWS nested settings), not settings at the same indentation', () => {
  const result = parseIni('[a]\n  s3 =\n    region = x\n  region = y\n', ['region']);
  expect(result).toMatchObject({ ok: true, sections: [{ keys: ['s3', 'region'], values: { region: 'y' } }] });
});

it('accepts CRLF line ends', () => {
  expect(parseIni('[a]\r\nregion = x\r\n', ['region'])).toMatchObject({ ok: true, sections: [{ values: { region: 'x' } }] });
});

it.each([
  ['region = x\n', 'line 1 sets a value before any [section] header'],
  ['[a]\njust words\n', 'line 2 is neither a [section] header nor a key = value setting'],
  ['[a]\n[a]\n', 'section [a] appears twice (line 2)'],
  ['[a]\nregion = x\nREGION = y\n', 'section [a] sets region twice (line 3)'],
])('refuses %j as configparser does, naming the line only', (text, problem) => {
  expect(parseIni(text, ['region'])).toEqual({ ok: false, problem });
});
