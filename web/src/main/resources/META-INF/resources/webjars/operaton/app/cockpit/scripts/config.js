// Settings of the approval system's Cockpit: a Chinese browser sees it in Chinese (zh); labels not translated yet
// fall back to English.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  // app/cockpit/sso-login.js: the login route goes to Keycloak
  customScripts: ['sso-login']
};
