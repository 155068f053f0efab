// Chinese first; English on request. Every key exists in both languages (i18n.test.ts checks it).
export const messages = {
  zh: {
    title: '公共数据资源授权运营 · 运营机构门户',
    home: '首页', inbox: '消息', logout: '退出', language: 'English',
    openAnnouncements: '正在受理的准入通告', noAnnouncements: '当前没有正在受理的通告。',
    deadline: '申报截止', apply: '申请准入', myApplications: '本单位的申请', noApplications: '尚未提交申请。',
    status: '状态', submittedAt: '提交时间', view: '查看进度',
    company: '申请单位基本信息', creditCode: '统一社会信用代码', companyName: '单位名称', legalRepresentative: '法定代表人',
    principal: '运营主要负责人（数据安全第一责任人）', businessLead: '业务负责人', securityLead: '安全负责人',
    contactName: '联系人', contactPhone: '联系电话', contactEmail: '联系邮箱',
    plan: '运营方案（按模板000的八个部分填写）', resources: '申请授权运营的数据资源',
    documents: '申请材料（PDF、PNG 或 JPEG，每个不超过 20 MB）', emergencyPlan: '应急预案（必需）',
    qualification: '资质证明', annex: '其他附件', uploading: '上传中', uploaded: '已上传',
    submit: '提交申请', submitSupplement: '提交补正材料', submitting: '正在提交…', draftSaved: '草稿已自动保存在本机',
    fixErrors: '请按提示修改后再提交', required: '必填',
    invalidCreditCode: '统一社会信用代码应为18位且校验位正确，请核对营业执照',
    invalidPhone: '应为11位手机号或带区号的固定电话', invalidEmail: '邮箱格式不正确',
    sectionMissing: '该部分不能为空', chooseResource: '请至少选择一项数据资源', needEmergencyPlan: '须上传应急预案：没有应急预案，申请不予受理',
    progress: '办理进度', whatToDo: '您现在需要做的', due: '待办事项与期限', step: '环节', responsible: '办理单位',
    dueDay: '期限', workingDaysLeft: '剩余工作日', overdue: '已逾期', timeline: '办理记录', supplement: '提交补正材料',
    withdraw: '撤回申请', withdrawReason: '撤回理由', noNotices: '暂无消息。', markRead: '标为已读', unread: '未读'
  },
  en: {
    title: 'Authorized Operation of Public Data · Operator Portal',
    home: 'Home', inbox: 'Inbox', logout: 'Log out', language: '中文',
    openAnnouncements: 'Open admission announcements', noAnnouncements: 'No announcement is open now.',
    deadline: 'Deadline', apply: 'Apply', myApplications: 'Our applications', noApplications: 'No application yet.',
    status: 'Status', submittedAt: 'Submitted', view: 'Progress',
    company: 'Applicant', creditCode: 'Unified social credit code', companyName: 'Company name', legalRepresentative: 'Legal representative',
    principal: 'Principal (first responsible for data security)', businessLead: 'Business lead', securityLead: 'Security lead',
    contactName: 'Contact', contactPhone: 'Phone', contactEmail: 'E-mail',
    plan: 'Operation plan (the eight sections of template 000)', resources: 'Public data resources applied for',
    documents: 'Documents (PDF, PNG or JPEG, at most 20 MB each)', emergencyPlan: 'Emergency plan (required)',
    qualification: 'Qualification', annex: 'Other annex', uploading: 'Uploading', uploaded: 'Uploaded',
    submit: 'Submit application', submitSupplement: 'Submit supplement', submitting: 'Submitting…', draftSaved: 'Draft saved on this device',
    fixErrors: 'Please correct the marked fields', required: 'Required',
    invalidCreditCode: 'A credit code has 18 characters and a valid check character',
    invalidPhone: 'A mobile number of 11 digits or a landline with area code', invalidEmail: 'Not a valid e-mail address',
    sectionMissing: 'This section must not be empty', chooseResource: 'Choose at least one resource', needEmergencyPlan: 'An emergency plan is required',
    progress: 'Progress', whatToDo: 'What you need to do', due: 'Open steps and deadlines', step: 'Step', responsible: 'Responsible',
    dueDay: 'Due', workingDaysLeft: 'Working days left', overdue: 'overdue', timeline: 'History', supplement: 'Submit supplement',
    withdraw: 'Withdraw', withdrawReason: 'Reason for withdrawal', noNotices: 'No notices.', markRead: 'Mark as read', unread: 'unread'
  }
} as const;

export type Lang = keyof typeof messages;
export type Key = keyof typeof messages.zh;

export const SECTION_TITLES: Record<Lang, string[]> = {
  zh: ['（一）申请单位基本情况', '（二）授权运营工作目标', '（三）管理体系构建', '（四）公共数据资源运营场景',
    '（五）技术支撑能力建设', '（六）公共数据资源运营规划', '（七）保障支撑措施', '（八）附件'],
  en: ['1. Applicant', '2. Goals', '3. Management system', '4. Scenarios', '5. Technical support', '6. Operation planning',
    '7. Safeguards', '8. Annexes']
};

export function currentLang(): Lang {
  return localStorage.getItem('portal-lang') === 'en' ? 'en' : 'zh';
}

export function translator(lang: Lang) {
  return (key: Key) => messages[lang][key];
}
