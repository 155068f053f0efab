// The scenario submission as the portal drafts it, checked line by line before anything is sent (the server checks
// the same and more: scope, jurisdiction, open condition).
import type { Key } from './i18n';

export interface LineDraft { resourceCode: string; fields: string; usage: string; frequency: string; periodFrom: string; periodTo: string }
export interface ScenarioDraft {
  jurisdiction: string; name: string; domain: string; otherDomain: string; purpose: 'PUBLIC_WELFARE' | 'INDUSTRY' | '';
  constructionPlan: string; riskAssessment: string; securityMeasures: string; lines: LineDraft[];
}

export const emptyLine = (): LineDraft => ({ resourceCode: '', fields: '', usage: 'STATISTICS', frequency: 'MONTHLY', periodFrom: '', periodTo: '' });

export const emptyScenario = (jurisdiction: string): ScenarioDraft => ({
  jurisdiction, name: '', domain: '', otherDomain: '', purpose: '', constructionPlan: '', riskAssessment: '', securityMeasures: '',
  lines: [emptyLine()]
});

/** Field (lines[1].fields …) → message key of what is wrong; empty when the draft may be sent. */
export function validateScenario(d: ScenarioDraft): Record<string, Key> {
  const errors: Record<string, Key> = {};
  for (const f of ['name', 'constructionPlan', 'riskAssessment', 'securityMeasures'] as const) {
    if (!d[f].trim()) errors[f] = 'required';
  }
  if (!d.domain || (d.domain === 'other' && !d.otherDomain.trim())) errors.domain = 'required';
  if (!d.purpose) errors.purpose = 'required';
  if (d.lines.length === 0) errors.lines = 'lineMissing';
  d.lines.forEach((l, i) => {
    if (!l.resourceCode) errors[`lines[${i}].resourceCode`] = 'lineResourceMissing';
    if (!l.fields.trim()) errors[`lines[${i}].fields`] = 'lineFieldsMissing';
    if (!l.periodFrom) errors[`lines[${i}].periodFrom`] = 'required';
    if (!l.periodTo) errors[`lines[${i}].periodTo`] = 'required';
    else if (l.periodFrom && l.periodTo < l.periodFrom) errors[`lines[${i}].periodTo`] = 'linePeriodWrong';
  });
  return errors;
}

/** The draft as the portal API takes it; "other" becomes "其他：…" so the domain is recorded as written (SCN-12). */
export function toScenarioForm(d: ScenarioDraft) {
  return {
    jurisdiction: d.jurisdiction, name: d.name.trim(), domain: d.domain === 'other' ? '其他：' + d.otherDomain.trim() : d.domain,
    purpose: d.purpose, constructionPlan: d.constructionPlan, riskAssessment: d.riskAssessment, securityMeasures: d.securityMeasures,
    lines: d.lines.map(l => ({ ...l, fields: l.fields.trim() }))
  };
}
