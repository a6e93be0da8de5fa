// Splitting guarded kubectl and helm command lines: which flags reach the preview, which are dropped, which are
// refused, the context and kubeconfig they name, and the local files hashed between the check and the run.
import { parseHelmInvocation } from '../../src/guard/helm-invocation.js';
import { parseKubectlInvocation } from '../../src/guard/kubectl-invocation.js';

describe('kubectl', () => {
  it('previews apply with kubectl diff, keeping manifests, selector, prune and connection flags, in their long forms', () => {
    const invocation = parseKubectlInvocation([
      'kubectl',
      '--kubeconfig=/k/config',
      '-nprod',
      'apply',
      '-k',
      'overlays/prod',
      '--prune',
      '--all',
      '--prune-allowlist=core/v1/ConfigMap',
      '--server-side',
      '--field-manager',
      'ci',
      '--force',
      '--timeout=1m',
      '--validate',
      'strict',
      '-v=6',
      '--context=eu',
    ]);
    expect(invocation.previewArgs).toEqual([
      'diff',
      '--kubeconfig',
      '/k/config',
      '--namespace',
      'prod',
      '--kustomize',
      'overlays/prod',
      '--prune',
      '--prune-allowlist',
      'core/v1/ConfigMap',
      '--server-side',
      '--field-manager',
      'ci',
      '--context',
      'eu',
    ]);
    expect(invocation).toMatchObject({
      subcommand: 'apply',
      inputFormat: 'kubectl-diff',
      previewExitCodes: [0, 1],
      context: 'eu',
      kubeconfig: '/k/config',
      localInputs: ['overlays/prod'],
    });
    expect(invocation.args.slice(0, 2)).toEqual(['--kubeconfig=/k/config', '-nprod']);
  });

  it('previews delete with the same delete on the server, without its output format', () => {
    const invocation = parseKubectlInvocation(['kubectl', 'delete', '-f', 'a.yaml,b.yaml', '-o', 'name', '-A', '-l', 'app=x', '--cascade=foreground', '-i']);
    expect(invocation.previewArgs).toEqual([
      'delete',
      '--filename',
      'a.yaml,b.yaml',
      '--all-namespaces',
      '--selector',
      'app=x',
      '--cascade',
      'foreground',
      '--dry-run=server',
    ]);
    expect(invocation.localInputs).toEqual(['a.yaml', 'b.yaml']);
    expect(invocation.inputFormat).toBe('kubectl-delete');
  });

  it('lets a dry run switched off through, and refuses subresources and raw paths', () => {
    expect(parseKubectlInvocation(['kubectl', 'delete', 'pod', 'x', '--dry-run=none']).previewArgs).toEqual(['delete', 'pod', 'x', '--dry-run=server']);
    expect(() => parseKubectlInvocation(['kubectl', 'apply', '-f', 'x.yaml', '--subresource=status'])).toThrow(
      /kubectl diff cannot show a change to a subresource/,
    );
    expect(() => parseKubectlInvocation(['kubectl', 'delete', '--raw', '/api/v1/namespaces/x'])).toThrow(/raw URL path/);
    expect(() => parseKubectlInvocation(['kubectl', 'apply', '-f'])).toThrow(/option -f needs a value/);
    expect(() => parseKubectlInvocation(['kubectl', 'apply', 'extra'])).toThrow(/Unexpected argument "extra"/);
  });
});

describe('helm', () => {
  it('previews upgrade with helm diff upgrade, with the flags helm-diff takes', () => {
    const invocation = parseHelmInvocation([
      'helm',
      '--kube-context',
      'prod-eu',
      'upgrade',
      '-i',
      'api',
      'repo/api',
      '--version',
      '1.2.3',
      '-f',
      'a.yaml,b.yaml',
      '--set-file',
      'cert=tls.crt',
      '--reuse-values',
      '--history-max=5',
      '--create-namespace',
      '-o',
      'json',
      '--debug',
    ]);
    expect(invocation.previewArgs).toEqual([
      'diff',
      'upgrade',
      'api',
      'repo/api',
      '--kube-context',
      'prod-eu',
      '--install',
      '--version',
      '1.2.3',
      '--values',
      'a.yaml,b.yaml',
      '--set-file',
      'cert=tls.crt',
      '--reuse-values',
    ]);
    // A chart from a repository is not a local file: only the values files are hashed.
    expect(invocation).toMatchObject({ context: 'prod-eu', inputFormat: 'helm-diff', localInputs: ['a.yaml', 'b.yaml', 'tls.crt'] });
  });

  it('previews uninstall (and its aliases) with helm get manifest of the one release', () => {
    const invocation = parseHelmInvocation(['helm', 'del', 'api', '-n', 'prod', '--keep-history', '--timeout', '1m']);
    expect(invocation.previewArgs).toEqual(['get', 'manifest', 'api', '--namespace', 'prod']);
    expect(invocation.inputFormat).toBe('kubernetes-objects');
    expect(() => parseHelmInvocation(['helm', 'uninstall', 'a', 'b'])).toThrow(/one helm release at a time/);
  });

  it.each([
    [['helm', 'upgrade', 'a', './c', '--dependency-update'], /run `helm dependency update` first/],
    [['helm', 'upgrade', 'a', 'repo/c', '--username', 'u'], /`helm pull` the chart/],
    [['helm', 'upgrade', 'a'], /takes a release and a chart/],
    [['helm', 'upgrade', 'a', './c', '-f', '-'], /cannot take them from standard input/],
    [['helm', 'upgrade', 'a', './c', '--dry-run=server'], /already a dry run/],
  ])('refuses %j', (words, message) => {
    expect(() => parseHelmInvocation(words)).toThrow(message);
  });
});
