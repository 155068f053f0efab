// The operator's way through the portal in a real Chromium (Debian's, /usr/bin/chromium), driven by playwright-core.
//   node e2e/portal.e2e.mjs apply  <base> <outDir> <pdf> <announcementId>   log in, see errors at the fields, fill,
//                                                           upload, reload, submit
//   node e2e/portal.e2e.mjs follow <base> <outDir> <id>    log in again, see the reviewer's 补正 request, supplement
//   node e2e/portal.e2e.mjs disclose <base> <outDir> <item> its disclosure plan: errors at the fields, add an item,
//                                                           record a disclosure, see both on the public site without login
//   node e2e/portal.e2e.mjs notices <base> <outDir> <文号>  the official notices: the 受理通知书 listed, its print view
// Prints an AXE line per screenshot (axe.mjs),
// the application id (apply); exits non-zero on any failed step. Screenshots of each step go to outDir.
import { chromium } from 'playwright-core';
import { audit } from './axe.mjs';

const [mode, base, out, arg, announcementId] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
  // every step kept as a screenshot is also checked by axe-core
  const shot = async name => {
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
    await audit(page, name);
  };
  await page.goto(base + '/portal/');
  await page.fill('#username', 'op-cidu');
  await page.fill('#password', 'demo');
  await page.click('#kc-login');
  await page.waitForSelector('text=正在受理的准入通告');
  if (mode === 'apply') {
    await shot('1-home');
    await page.click(`[data-testid=apply-${announcementId}]`);
    await page.waitForSelector('#companyName');
    await page.click('button.primary');
    await page.waitForSelector('[data-testid=error-documents]');
    await shot('2-errors-at-the-fields');
    const fields = { legalRepresentative: '张三', principal: '李四', businessLead: '王五', securityLead: '赵六', contactName: '钱七',
      contactPhone: '13800138000', contactEmail: 'ops@cidu.example.cn' };
    for (const [f, v] of Object.entries(fields)) await page.fill('#' + f, v);
    for (let i = 1; i <= 8; i++) await page.fill('#section' + i, `第${i}部分：瓷都数据运营有限公司的运营方案。`);
    await page.locator('input[name=resource]').first().check();
    await page.setInputFiles('#file-EMERGENCY_PLAN', arg);
    await page.waitForSelector('[data-testid=uploaded]');
    await shot('3-filled-with-document');
    await page.reload();
    await page.waitForSelector('#section6');
    if (!(await page.inputValue('#section6')).includes('第6部分')) throw new Error('the draft did not survive the reload');
    await page.click('button.primary');
    await page.waitForSelector('[data-testid=status]');
    await page.waitForSelector('text=提交准入申请');
    await shot('4-submitted-timeline');
    console.log('APPLICATION ' + page.url().split('/').pop());
  } else if (mode === 'notices') {
    await page.click('[data-testid=notices-link]');
    const row = page.locator('[data-testid=notices] tr', { hasText: arg });
    await row.waitFor({ timeout: 30000 });
    if (!(await row.textContent()).includes('受理通知书')) throw new Error('not a 受理通知书: ' + await row.textContent());
    await shot('12-official-notices-with-acceptance');
    await row.locator('a').click();
    const notice = page.locator('[data-testid=official-notice]');
    await notice.waitFor();
    const text = await notice.textContent();
    if (!text.includes(arg) || !text.includes('予以受理')) throw new Error('the print view lacks the number or text: ' + text);
    await shot('13-acceptance-notice-print-view');
    console.log('ACCEPTANCE ' + text.replace(/\s+/g, ' ').slice(0, 200));
  } else if (mode === 'disclose') {
    await page.click('[data-testid=disclosure-plan-link]');
    await page.waitForSelector('[data-testid=plan-item-form]');
    await shot('8-disclosure-plan');
    await page.click('[data-testid=plan-item-form] button.primary');
    await page.waitForSelector('text=请填写披露内容');
    await page.waitForSelector('text=请选择披露频次');
    await shot('9-disclosure-plan-errors-at-the-fields');
    const jingdezhen = await page.locator('#plan-agreement option', { hasText: '景德镇' }).first().getAttribute('value');
    await page.selectOption('#plan-agreement', jingdezhen);
    await page.fill('#plan-item', arg);
    await page.selectOption('#plan-frequency', '3');
    await page.fill('#plan-channel', '运营平台门户网站');
    await page.click('[data-testid=plan-item-form] button.primary');
    await page.waitForSelector('[data-testid=plan-saved]');
    const row = page.locator('[data-testid=plan-items] tr', { hasText: arg });
    await row.waitFor();
    await row.locator('button', { hasText: '登记披露' }).click();
    await page.waitForSelector('[data-testid=disclosure-form]');
    await page.fill('#disclosure-content', '');
    await page.click('[data-testid=disclosure-form] button.primary');
    await page.waitForSelector('text=请填写披露了什么');
    await page.fill('#disclosure-content', '本季度数据调用情况：https://cidu.example.cn/disclosure/q4');
    await page.click('[data-testid=disclosure-form] button.primary');
    await page.waitForSelector('text=披露记录已登记');
    await page.locator('[data-testid=plan-items] tr', { hasText: '本季度数据调用情况' }).filter({ hasText: arg }).waitFor();
    await shot('10-disclosure-recorded');
    // the public site, in a fresh context: no login
    const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
    await visitor.goto(base + '/portal/#/public');
    await visitor.waitForSelector('#public-jurisdiction option[value=jingdezhen]', { state: 'attached' });
    await visitor.selectOption('#public-jurisdiction', 'jingdezhen');
    const published = visitor.locator('[data-testid=disclosure-plans] tr', { hasText: arg });
    await published.waitFor({ timeout: 30000 });
    if (!(await published.textContent()).includes('本季度数据调用情况')) throw new Error('the public site lacks the disclosure');
    await published.scrollIntoViewIfNeeded();
    await visitor.screenshot({ path: `${out}/11-disclosure-on-the-public-site.png`, fullPage: true });
    await audit(visitor, '11-disclosure-on-the-public-site');
    console.log('DISCLOSED ' + (await published.textContent()).replace(/\s+/g, ' '));
  } else {
    await page.goto(`${base}/portal/#/applications/${arg}`);
    await page.waitForSelector('text=形式审查：退回补正', { timeout: 30000 });
    await page.waitForSelector('[data-testid=supplement]');
    await shot('5-timeline-moved-supplement-requested');
    const action = await page.textContent('[data-testid=action]');
    if (!action.includes('补正')) throw new Error('the operator is not told to supplement: ' + action);
    await page.click('[data-testid=inbox-link]');
    await page.waitForSelector('text=【需补正】');
    await shot('6-inbox');
    await page.goto(`${base}/portal/#/applications/${arg}/supplement`);
    await page.waitForSelector('#section6');
    if ((await page.inputValue('#principal')) !== '李四') throw new Error('the supplement form does not start from the application');
    await page.fill('#section7', '第7部分：补充了应急预案的处置流程（预警、启动、处置、恢复）。');
    await page.click('button.primary');
    await page.waitForSelector('text=提交补正材料', { timeout: 30000 });
    await page.waitForSelector('text=形式审查');
    await shot('7-supplement-submitted');
    console.log('FOLLOWED ' + arg);
  }
} finally {
  await browser.close();
}
