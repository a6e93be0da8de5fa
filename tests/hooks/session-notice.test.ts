// The wording of the hooks' once-per-session notice over fake home directories: every protected source with its
// evidence, what else that source names, the unjudged count, and nothing when nothing is protected.
import { credentialsNotice } from '../../src/hooks/session-notice.js';
import { SERVICE_ACCOUNT_KEY, expectNoSecret, fakeHome, type FakeHome } from '../credentials/fake-home.js';

let fake: FakeHome;
beforeEach(() => {
  fake = fakeHome({ 'keys/deployer.json': SERVICE_ACCOUNT_KEY });
});
afterEach(() => fake.remove());

it('is undefined when nothing points at a protected environment, even with findings it cannot judge', () => {
  expect(credentialsNotice({ TF_WORKSPACE: 'dev', ARM_SUBSCRIPTION_ID: '11111111-2222-3333-4444-555555555555' }, fake.home)).toBeUndefined();
  expect(credentialsNotice({}, fake.home)).toBeUndefined();
});

it('names each protected source by its variable or file, with the other facts of that source beside it', () => {
  const notice = credentialsNotice(
    { GOOGLE_APPLICATION_CREDENTIALS: fake.path('keys/deployer.json'), TF_WORKSPACE: 'prod', ARM_SUBSCRIPTION_ID: '11111111-2222-3333-4444-555555555555' },
    fake.home,
  );
  expect(notice?.forModel.split('\n').slice(1, 3)).toEqual([
    `- Google Cloud: project acme-payments-prod (GOOGLE_APPLICATION_CREDENTIALS ${fake.path('keys/deployer.json')} project_id) (also credentials service_account); production, because the project name "acme-payments-prod" contains the word "prod".`,
    '- Terraform: TF_WORKSPACE=prod; production, because the workspace name "prod" contains the word "prod".',
  ]);
  expect(notice?.forModel).toContain('1 more finding could not be judged and may reach production too; `blast-radius doctor` lists them.');
  expect(notice?.forModel).not.toContain('Azure:');
  expect(notice?.forPerson).toBe(
    'blast-radius: this shell can reach production (Google Cloud project acme-payments-prod, Terraform workspace prod); destructive infrastructure commands will be refused.',
  );
  expectNoSecret(JSON.stringify(notice));
});
