// The blast radius from a plan's configuration: references, depends_on, module inputs and outputs, transitively.
import { blastRadius, buildDependentsGraph, configurationAddress } from '../../../src/analyzers/terraform/dependency-graph.js';

const ref = (...references: string[]) => ({ input: { references } });

const configuration = {
  root_module: {
    resources: [
      { address: 'aws_lb.prod', expressions: {} },
      { address: 'aws_lb_listener.https', expressions: { load_balancer_arn: { references: ['aws_lb.prod.arn', 'aws_lb.prod'] } } },
      { address: 'aws_route53_record.api', expressions: ref('aws_lb_listener.https.id', 'var.zone') },
      { address: 'aws_cloudwatch_metric_alarm.lb', expressions: {}, depends_on: ['aws_lb.prod'] },
      { address: 'data.aws_iam_policy_document.x', expressions: ref('aws_lb.prod.arn') },
      { address: 'aws_s3_bucket.logs', expressions: ref('module.app.bucket_name') },
      { address: 'aws_sns_topic.unrelated', expressions: ref('local.name') },
    ],
    module_calls: {
      app: {
        expressions: { lb_arn: { references: ['aws_lb.prod.arn'] } },
        module: { resources: [{ address: 'aws_ecs_service.web', expressions: ref('var.lb_arn') }] },
      },
    },
  },
};

const graph = buildDependentsGraph(configuration);

it('follows references and depends_on, transitively, with the shortest path', () => {
  const radius = blastRadius(graph, 'aws_lb.prod');
  expect(radius.chains.map((chain) => chain.join(' → '))).toEqual(
    expect.arrayContaining([
      'aws_lb_listener.https → aws_lb.prod',
      'aws_route53_record.api → aws_lb_listener.https → aws_lb.prod',
      'aws_cloudwatch_metric_alarm.lb → aws_lb.prod',
      'data.aws_iam_policy_document.x → aws_lb.prod',
      'module.app.aws_ecs_service.web → aws_lb.prod',
      'aws_s3_bucket.logs → module.app.aws_ecs_service.web → aws_lb.prod',
    ]),
  );
  expect(radius.count).toBe(6);
  expect(radius.chains.flat()).not.toContain('aws_sns_topic.unrelated');
});

it('counts a resource referenced through a module output as a dependency of the module resources', () => {
  expect(blastRadius(graph, 'module.app.aws_ecs_service.web').chains).toEqual([['aws_s3_bucket.logs', 'module.app.aws_ecs_service.web']]);
});

it('uses configuration addresses, so every instance of a resource shares its dependents', () => {
  expect(configurationAddress('module.a["x"].aws_lb.b[0]')).toBe('module.a.aws_lb.b');
  expect(blastRadius(graph, 'aws_lb_listener.https["blue"]').count).toBe(1);
});

it('gives nothing without a configuration, and survives cycles', () => {
  expect(blastRadius(buildDependentsGraph(undefined), 'aws_lb.prod')).toEqual({ count: 0, chains: [] });
  const cyclic = buildDependentsGraph({
    root_module: {
      resources: [
        { address: 'a.x', expressions: ref('b.y') },
        { address: 'b.y', expressions: ref('a.x') },
      ],
    },
  });
  expect(blastRadius(cyclic, 'a.x')).toEqual({ count: 1, chains: [['b.y', 'a.x']] });
});
