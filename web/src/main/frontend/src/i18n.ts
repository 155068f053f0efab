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
    dueDay: '期限', workingDaysLeft: '剩余工作日', overdue: '已逾期', provisional: '暂定', timeline: '办理记录', supplement: '提交补正材料',
    withdraw: '撤回申请', withdrawReason: '撤回理由', noNotices: '暂无消息。', markRead: '标为已读', unread: '未读',
    chooseFile: '选择文件', noFileChosen: '未选择文件',
    scenarios: '应用场景', newScenario: '申报新场景', noScenarios: '尚未申报场景。', scenarioName: '场景名称',
    agreement: '授权运营协议', noAgreement: '尚无可申报场景的授权运营协议（须先获准入并开通平台权限）。',
    domain: '场景领域', otherDomain: '其他领域（请填写）', purpose: '场景用途', purposeWelfare: '公共治理、公益事业（免费）',
    purposeIndustry: '产业发展、行业发展（可收费）', constructionPlan: '场景建设方案', riskAssessment: '风险评估（个人隐私和公共安全）',
    securityMeasures: '安全保障措施', demandList: '数据需求清单（一场景一清单）', addLine: '增加一项数据需求', removeLine: '删除',
    resource: '数据资源', fields: '所需字段', usage: '用途', frequency: '频率', periodFrom: '使用起始日', periodTo: '使用截止日',
    lineState: '审核情况', submitScenario: '提交场景申请', priority: '重点领域', chooseOne: '请选择',
    lineResourceMissing: '请选择数据资源', lineFieldsMissing: '请写明需要的字段', linePeriodWrong: '结束日期不能早于开始日期',
    lineMissing: '请至少列出一项数据需求', catalogAdmin: '数据资源目录维护', jurisdiction: '辖区', provider: '数据提供单位',
    grade: '分级', openCondition: '开放条件', provinceReturned: '省回流数据', addResource: '新增数据资源', code: '资源编码',
    reason: '理由和依据', save: '保存', changes: '目录变更记录', regrade: '调整分级', reclassify: '调整开放条件',
    OPEN: '无条件开放', CONDITIONAL: '有条件开放', PROHIBITED: '禁止开放', operationCatalog: '运营目录（公开）',
    newDataUse: '申请数据使用', newProduct: '申报数据产品和服务', newQualityIssue: '报告数据质量问题', newRiskReport: '报告风险',
    stepsToDo: '尚待完成的环节', accessGranted: '已开通数据访问', qualityIssue: '数据质量问题', assessment: '评估意见',
    qualityIssuesHere: '本场景的数据质量问题', answerDue: '答复期限', answer: '答复', noQualityIssues: '尚未报告数据质量问题。',
    kind: '产品类别', kind_DATASET: '数据集', kind_API: '数据接口服务', kind_MODEL: '模型', kind_REPORT: '数据分析报告',
    kind_APPLICATION: '数据应用', description: '产品简介', developmentPlan: '数据产品开发方案（加工方式、使用场景、安全措施）',
    aiBased: '基于人工智能模型', aiAssessment: '模型安全与伦理风险评估', deliverable: '交付物', rawData: '交付物含原始公共数据（将不予受理）',
    pricing: '定价', costItems: '成本项（元/年）', amountYuan: '金额（元）', expectedYearlyVolume: '预计年计费量',
    feeYuan: '收费标准（元/计费单位）', feeUnit: '计费单位', complianceReview: '出域合规审核结论', complianceReviewer: '审核人',
    submitProduct: '提交产品申请', welfareIsFree: '用于公共治理、公益事业的产品免费提供，收费标准须为 0',
    cost_INFRASTRUCTURE: '基础设施资源消耗', cost_DATA_GOVERNANCE: '数据治理', cost_MODEL_PUBLISHING: '模型发布',
    cost_RESULT_EXPORT: '结果导出', cost_SECURITY_SERVICES: '安全服务', cost_PLATFORM_CONNECTION: '平台对接',
    cost_PLATFORM_USE: '平台使用', cost_OTHER: '其他', usePurpose: '使用目的', qualityProblem: '问题描述（错误、遗漏等）',
    riskDescription: '发现的风险', foundOn: '发现日期', measures: '已采取的措施', products: '数据产品', riskReports: '风险报告', productName: '产品名称'
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
    dueDay: 'Due', workingDaysLeft: 'Working days left', overdue: 'overdue', provisional: 'provisional', timeline: 'History', supplement: 'Submit supplement',
    withdraw: 'Withdraw', withdrawReason: 'Reason for withdrawal', noNotices: 'No notices.', markRead: 'Mark as read', unread: 'unread',
    chooseFile: 'Choose file', noFileChosen: 'No file chosen',
    scenarios: 'Scenarios', newScenario: 'New scenario', noScenarios: 'No scenario yet.', scenarioName: 'Scenario name',
    agreement: 'Agreement', noAgreement: 'No agreement to submit scenarios under (admission and platform permissions come first).',
    domain: 'Domain', otherDomain: 'Other domain (please name it)', purpose: 'Purpose', purposeWelfare: 'Public governance or welfare (free)',
    purposeIndustry: 'Industry (a fee may apply)', constructionPlan: 'Construction plan', riskAssessment: 'Risk assessment (privacy and public safety)',
    securityMeasures: 'Security measures', demandList: 'Data-demand list', addLine: 'Add a line', removeLine: 'Remove',
    resource: 'Resource', fields: 'Fields', usage: 'Use', frequency: 'Frequency', periodFrom: 'From', periodTo: 'To',
    lineState: 'Review', submitScenario: 'Submit scenario', priority: 'priority', chooseOne: 'Choose',
    lineResourceMissing: 'Choose a resource', lineFieldsMissing: 'Name the fields needed', linePeriodWrong: 'The end is before the start',
    lineMissing: 'List at least one line', catalogAdmin: 'Catalog maintenance', jurisdiction: 'Jurisdiction', provider: 'Provider unit',
    grade: 'Grade', openCondition: 'Open condition', provinceReturned: 'Province-returned', addResource: 'Add resource', code: 'Code',
    reason: 'Reason', save: 'Save', changes: 'Catalog changes', regrade: 'Regrade', reclassify: 'Reclassify',
    OPEN: 'Open', CONDITIONAL: 'Conditional', PROHIBITED: 'Prohibited', operationCatalog: 'Operation catalog (public)',
    newDataUse: 'Request data use', newProduct: 'Submit a product', newQualityIssue: 'Report a data-quality issue', newRiskReport: 'Report a risk',
    stepsToDo: 'Steps still to do', accessGranted: 'Access granted', qualityIssue: 'Data-quality issue', assessment: 'Assessment',
    qualityIssuesHere: 'Data-quality issues of this scenario', answerDue: 'Answer due', answer: 'Answer', noQualityIssues: 'No data-quality issue reported.',
    kind: 'Category', kind_DATASET: 'Dataset', kind_API: 'API service', kind_MODEL: 'Model', kind_REPORT: 'Report',
    kind_APPLICATION: 'Application', description: 'Description', developmentPlan: 'Development plan',
    aiBased: 'Based on an AI model', aiAssessment: 'Model security and ethics assessment', deliverable: 'Deliverable', rawData: 'Delivers raw public data (refused)',
    pricing: 'Pricing', costItems: 'Cost items (yuan per year)', amountYuan: 'Amount (yuan)', expectedYearlyVolume: 'Expected yearly volume',
    feeYuan: 'Fee (yuan per unit)', feeUnit: 'Billing unit', complianceReview: 'Out-of-domain compliance review', complianceReviewer: 'Reviewer',
    submitProduct: 'Submit product', welfareIsFree: 'Public-welfare products are free: the fee must be 0',
    cost_INFRASTRUCTURE: 'Infrastructure', cost_DATA_GOVERNANCE: 'Data governance', cost_MODEL_PUBLISHING: 'Model publishing',
    cost_RESULT_EXPORT: 'Result export', cost_SECURITY_SERVICES: 'Security services', cost_PLATFORM_CONNECTION: 'Platform connection',
    cost_PLATFORM_USE: 'Platform use', cost_OTHER: 'Other', usePurpose: 'Purpose of use', qualityProblem: 'Problem (errors, omissions)',
    riskDescription: 'Risk found', foundOn: 'Found on', measures: 'Measures taken', products: 'Products', riskReports: 'Risk reports', productName: 'Product name'
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

export const USAGES = ['QUERY', 'VERIFICATION', 'STATISTICS', 'MODEL_TRAINING', 'JOINT_MODELING', 'OTHER'] as const;
export const FREQUENCIES = ['ONCE', 'REAL_TIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'] as const;
export const CHOICE_LABELS: Record<Lang, Record<string, string>> = {
  zh: { QUERY: '查询', VERIFICATION: '核验', STATISTICS: '统计分析', MODEL_TRAINING: '模型训练', JOINT_MODELING: '联合建模', OTHER: '其他',
    ONCE: '一次性', REAL_TIME: '实时', DAILY: '每日', WEEKLY: '每周', MONTHLY: '每月', QUARTERLY: '每季度', YEARLY: '每年' },
  en: { QUERY: 'Query', VERIFICATION: 'Verification', STATISTICS: 'Statistics', MODEL_TRAINING: 'Model training', JOINT_MODELING: 'Joint modelling',
    OTHER: 'Other', ONCE: 'Once', REAL_TIME: 'Real time', DAILY: 'Daily', WEEKLY: 'Weekly', MONTHLY: 'Monthly', QUARTERLY: 'Quarterly', YEARLY: 'Yearly' }
};
