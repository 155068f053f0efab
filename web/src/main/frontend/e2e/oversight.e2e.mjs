// Oversight in a real Chromium (Debian's, /usr/bin/chromium), driven by playwright-core.
//   node e2e/oversight.e2e.mjs public    <base> <outDir> <noticeId>  the disclosure site without login; an objection
//                                                                     during the publicity, answered with a receipt
//   node e2e/oversight.e2e.mjs dashboard <base> <outDir> <subject>   the manager's dashboards, drilled down to one case
// Prints an AXE line per screenshot (axe.mjs),
// RECEIPT <no> (public); exits non-zero on any failed step. Screenshots of each step go to outDir.
import { chromium } from 'playwright-core';
import { audit } from './axe.mjs';

const [mode, base, out, arg] = process.argv.slice(2);
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
  if (mode === 'public') {
    await page.goto(base + '/portal/#/public');
    await page.waitForSelector('[data-testid=public-site]');
    await page.waitForSelector('#public-jurisdiction option[value=jingdezhen]', { state: 'attached' });
    await page.selectOption('#public-jurisdiction', 'jingdezhen');
    await page.waitForSelector(`[data-testid=object-${arg}]`, { timeout: 30000 });
    await shot('oversight-1-public-site-without-login');
    await page.click(`[data-testid=object-${arg}]`);
    await page.click('[data-testid=objection-submit]');
    await page.waitForSelector('text=请填写异议人姓名或单位名称');
    await shot('oversight-2-objection-errors-at-the-fields');
    await page.fill('#filerName', '张某');
    await page.fill('#filerContact', '13800000000');
    await page.fill('#content', '该公司申报的安全负责人未在职。');
    await page.click('[data-testid=objection-submit]');
    const receipt = await page.waitForSelector('[data-testid=objection-receipt]');
    const text = await receipt.textContent();
    const no = text.match(/YY\d{8}-\d{6}/)[0];
    await shot('oversight-3-objection-receipt');
    await page.fill('#receipt', no);
    await page.click('[data-testid=follow-submit]');
    await page.waitForSelector('[data-testid=objection-status]');
    await shot('oversight-4-objection-followed');
    console.log('RECEIPT ' + no);
  } else {
    await page.goto(base + '/portal/');
    await page.fill('#username', 'manager');
    await page.fill('#password', 'demo');
    await page.click('#kc-login');
    await page.waitForSelector('[data-testid=dashboard-link]');
    await page.click('[data-testid=dashboard-link]');
    await page.waitForSelector('[data-testid=chart-tasks] canvas', { timeout: 30000 });
    await page.waitForSelector('[data-testid=chart-applications] canvas');
    await page.waitForTimeout(800); // the charts' entry animation
    await shot('oversight-5-dashboard');
    await page.click('[data-testid=all-cases]');
    await page.waitForSelector(`[data-testid=case-${arg}]`, { timeout: 30000 });
    await page.click(`[data-testid=case-${arg}]`);
    await page.waitForSelector('[data-testid=case-timeline]');
    const timeline = await page.textContent('[data-testid=case-timeline]');
    if (!timeline.includes('（')) throw new Error('the timeline names no unit: ' + timeline);
    await page.locator('[data-testid=case-timeline]').scrollIntoViewIfNeeded();
    await shot('oversight-6-drill-down-to-one-application');
    console.log('TIMELINE ' + timeline.replace(/\s+/g, ' ').slice(0, 300));
  }
} finally {
  await browser.close();
}
