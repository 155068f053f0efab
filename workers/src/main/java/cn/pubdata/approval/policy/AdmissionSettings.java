package cn.pubdata.approval.policy;

/** Admission settings no seed fixes; see the comments in policy/profiles.yaml. */
public record AdmissionSettings(int publicityWorkingDays, int maxSupplementRounds, int supplementWorkingDays) {}
