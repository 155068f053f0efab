// Welcome page settings of the approval system: Chinese (zh) first, English stays available.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // app/welcome/sso-login.js: the login route goes to Keycloak
  customScripts: ['sso-login']
};
