// axe-core over the page as it stands: the automated part of WCAG 2.1 AA (which GB/T 37668 follows). Prints one line
//   AXE <page> serious=<n> critical=<n> moderate=<n> minor=<n>
// and, for each serious or critical violation, the rule, its help and the first elements, for the test to report.
import { AxeBuilder } from '@axe-core/playwright';

export async function audit(page, name) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const count = impact => result.violations.filter(v => v.impact === impact).length;
  console.log(`AXE ${name} serious=${count('serious')} critical=${count('critical')} moderate=${count('moderate')}`
    + ` minor=${count('minor')}`);
  for (const v of result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')) {
    console.log(`AXE-VIOLATION ${name} ${v.impact} ${v.id}: ${v.help} — `
      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
  }
}
