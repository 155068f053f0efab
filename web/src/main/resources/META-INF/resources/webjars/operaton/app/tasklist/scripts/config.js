// Tasklist settings of the approval system: reviewers work in Chinese (zh), English stays available.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // app/tasklist/sso-login.js: the login route goes to Keycloak
  customScripts: ['sso-login'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '聚焦到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '聚焦到任务列表的第一项'},
    focusForm: {key: 'ctrl+alt+f', description: '聚焦到任务表单的第一个输入项'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  }
};
