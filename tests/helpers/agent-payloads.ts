// The PreToolUse payload Claude Code sends its hooks for a Bash command (docs/agents.md), with the command swapped in.
export const claudeCodePayload = (command: string) => ({
  session_id: 'abc123',
  transcript_path: '/home/u/.claude/projects/p/x.jsonl',
  cwd: '/home/u/proj',
  permission_mode: 'default',
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command, description: 'Run it', timeout: 120000, run_in_background: false },
  tool_use_id: 'toolu_01ABC',
});
