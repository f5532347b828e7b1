/**
 * Emits a service: its contract constant (`defineContract`) and the explicit handler and client
 * interfaces, written out per method so that editors show each RPC's own types and comment.
 */
import type { CodeWriter } from "./code-writer.js";
import { serviceNames } from "./names.js";
import type { MethodModel, ServiceModel } from "./proto-model.js";

export function emitService(out: CodeWriter, service: ServiceModel): void {
  const names = serviceNames(service.name);
  out.doc(service.comment, `The contract of gRPC service \`${service.fullName}\`.`);
  out.block(`export const ${names.contract} = defineContract({`, () => {
    out.line(`serviceName: "${service.name}",`);
    out.line(`fullName: "${service.fullName}",`);
    out.block("methods: {", () => {
      for (const method of service.methods) {
        out.doc(method.comment);
        out.block(`${method.key}: {`, () => {
          out.line(`name: "${method.name}",`);
          out.line(`path: "${pathOf(service, method)}",`);
          out.line(`requestType: ${method.requestTsName},`);
          out.line(`responseType: ${method.responseTsName},`);
        }, "},");
      }
    }, "},");
  }, "});");
  out.line();
  out.doc(`What a module serving \`${service.fullName}\` implements (\`Handlers<typeof ${names.contract}>\`).`);
  out.block(`export interface ${names.handlers} {`, () => {
    for (const method of service.methods) {
      out.doc(method.comment, `\`${pathOf(service, method)}\``);
      out.list(
        `${method.key}(`,
        [`request: ${method.requestTsName}`, "call: CallContext"],
        `): Promise<${method.responseTsName}>;`,
      );
    }
  });
  out.line();
  out.doc(
    `A caller's view of \`${service.fullName}\` (\`Client<typeof ${names.contract}>\`), in process or over gRPC.`,
  );
  out.block(`export interface ${names.client} {`, () => {
    for (const method of service.methods) {
      out.doc(method.comment, `\`${pathOf(service, method)}\``);
      out.list(
        `${method.key}(`,
        [`request: MessageInit<${method.requestTsName}>`, "options?: CallOptions"],
        `): Promise<${method.responseTsName}>;`,
      );
    }
  });
}

function pathOf(service: ServiceModel, method: MethodModel): string {
  return `/${service.fullName}/${method.name}`;
}
