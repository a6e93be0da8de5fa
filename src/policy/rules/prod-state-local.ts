// Rule prod-state-local: a Terraform plan that changes protected resources keeps its state on this machine: its .tf
// sources declare no remote backend, or a terraform.tfstate sits beside them. Without the sources it says nothing.
import { isRemote } from '../../terraform-source/state-storage.js';
import { NO_OPTIONS, defineRule } from '../rule.js';

export default defineRule({
  id: 'prod-state-local',
  description:
    'A plan that changes protected resources keeps its Terraform state on this machine: no remote backend, or a terraform.tfstate beside the sources.',
  severity: 'warning',
  messages: {
    noRemoteBackend:
      '{{file}} changes {{resources}} in {{environment}}, and its sources declare {{declared}}, so the state of {{environment}} lives on this machine{{stateFile}}: ' +
      'it is lost with the machine, holds sensitive values in plain text, and a plan made anywhere else would not see it (and would create everything again). ' +
      'Declare a remote backend (or a cloud block) and move the state there with `terraform init -migrate-state`.',
    stateFileBeside:
      '{{file}} changes {{resources}} in {{environment}}, and its sources declare {{declared}}, but a state file sits beside them ({{stateFile}}): ' +
      'a leftover of a local state or a migration, it may hold production values in plain text, and a command pointed at it (`-state`, or any once the backend block is removed) would act on the wrong state. ' +
      'Check with `terraform state list` that the remote state is the one in use, then remove the local file.',
  },
  ...NO_OPTIONS,
  subject: 'plan',
  check: ({ file, changes, stateStorage }) => {
    // Without the sources, or when a tool writes the backend at run time, nothing says where the state is.
    if (stateStorage === undefined || stateStorage.generatedBy !== undefined) return undefined;
    const touched = changes.filter(({ environment }) => environment.protected);
    if (touched.length === 0) return undefined;
    const resources = touched.length === 1 ? '1 resource' : `${touched.length} resources`;
    const environment = [...new Set(touched.map((subject) => subject.environment.name))].join(' and ');
    const { backend, stateFile } = stateStorage;
    const declared = backend === undefined ? 'no backend' : `${backend.kind === 'cloud' ? 'a cloud block' : `backend "${backend.kind}"`} (${backend.where})`;
    if (!isRemote(stateStorage)) {
      const beside = stateFile === undefined ? '' : ` (${stateFile})`;
      return { messageId: 'noRemoteBackend', data: { file, resources, environment, declared, stateFile: beside } };
    }
    if (stateFile === undefined) return undefined;
    return { messageId: 'stateFileBeside', data: { file, resources, environment, declared, stateFile } };
  },
});
