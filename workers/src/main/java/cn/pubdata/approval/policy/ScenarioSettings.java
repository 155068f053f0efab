package cn.pubdata.approval.policy;

/** Scenario settings no seed fixes; see the comments in policy/profiles.yaml. */
public record ScenarioSettings(int maxSupplementRounds, int supplementWorkingDays) {}
