// The same rules the server applies (ApplicationForm, CreditCode), checked at the field before anything is sent.
import type { Key } from './i18n';

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17. */
export function isCreditCode(code: string): boolean {
  if (!code || code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(code[i]);
    if (v < 0) return false;
    sum += v * WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return CHARS[check === 31 ? 0 : check] === code[17];
}

export const isPhone = (s: string) => /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(s.trim());
export const isEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim());

export interface Draft {
  creditCode: string; companyName: string; legalRepresentative: string; principal: string; businessLead: string;
  securityLead: string; contactName: string; contactPhone: string; contactEmail: string;
  sections: string[]; resourceCodes: string[];
  documents: { documentId: number; kind: 'EMERGENCY_PLAN' | 'QUALIFICATION' | 'ANNEX'; fileName: string }[];
}

export const emptyDraft = (creditCode: string): Draft => ({
  creditCode, companyName: '', legalRepresentative: '', principal: '', businessLead: '', securityLead: '',
  contactName: '', contactPhone: '', contactEmail: '', sections: Array(8).fill(''), resourceCodes: [], documents: []
});

/** Field → message key of what is wrong; empty when the draft may be sent. */
export function validate(d: Draft): Record<string, Key> {
  const errors: Record<string, Key> = {};
  for (const f of ['companyName', 'legalRepresentative', 'principal', 'businessLead', 'securityLead', 'contactName'] as const) {
    if (!d[f].trim()) errors[f] = 'required';
  }
  if (!isCreditCode(d.creditCode)) errors.creditCode = 'invalidCreditCode';
  if (!isPhone(d.contactPhone)) errors.contactPhone = 'invalidPhone';
  if (!isEmail(d.contactEmail)) errors.contactEmail = 'invalidEmail';
  d.sections.forEach((s, i) => { if (!s.trim()) errors['section' + (i + 1)] = 'sectionMissing'; });
  if (d.resourceCodes.length === 0) errors.resourceCodes = 'chooseResource';
  if (!d.documents.some(doc => doc.kind === 'EMERGENCY_PLAN')) errors.documents = 'needEmergencyPlan';
  return errors;
}

/** The draft as the portal API takes it. */
export function toForm(announcementId: number, d: Draft) {
  return {
    announcementId, creditCode: d.creditCode, companyName: d.companyName, legalRepresentative: d.legalRepresentative,
    principal: d.principal, businessLead: d.businessLead, securityLead: d.securityLead, contactName: d.contactName,
    contactPhone: d.contactPhone, contactEmail: d.contactEmail,
    planSections: d.sections.map((content, i) => ({ sectionNo: i + 1, content })),
    resourceCodes: d.resourceCodes,
    documents: d.documents.map(doc => ({ documentId: doc.documentId, kind: doc.kind }))
  };
}
