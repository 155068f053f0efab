// Gives a BPMN model a diagram (DI) where it has none, so that it opens in Camunda Modeler:
//   npm run layout -- ../src/main/resources/bpmn/new-model.bpmn
// Models are written as process XML first, then laid out once; after that, Modeler keeps the diagram.
import { layoutProcess } from 'bpmn-auto-layout';
import fs from 'node:fs';

for (const file of process.argv.slice(2)) {
  const xml = fs.readFileSync(file, 'utf8');
  if (xml.includes('<bpmndi:BPMNDiagram')) {
    console.log(`${file}: has a diagram already, left as it is`);
    continue;
  }
  fs.writeFileSync(file, await layoutProcess(xml));
  console.log(`${file}: laid out`);
}
