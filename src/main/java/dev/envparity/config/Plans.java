package dev.envparity.config;

/** The whole configuration, checked at once: what each part of envparity runs on. */
public record Plans(CheckPlan check, HooksPlan hooks, ApiPlan api, StatePlan state, AwsSettings aws, HistoryPlan history,
        HeartbeatPlan heartbeat, SchedulePlan schedule, ScmPlan scm) {
}
