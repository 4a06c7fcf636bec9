// The current cycle's modules and certificate, as the matrix shows them.
import { CertificateCellView, ModuleCellView } from "../../../_components/cells";
import { TableWrap } from "../../../_components/table-wrap";
import type { ModuleTitleMap, PersonRecordView } from "./types";

export function CurrentTraining({ person, row, titles }: Pick<PersonRecordView, "person" | "row"> & { titles: ModuleTitleMap }) {
  return (
    <>
    <h2>Their current training</h2>
    <TableWrap label={`Current training of ${person.name}`}>
      <table>
        <caption className="visually-hidden">Modules and certificate for {person.name}</caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {row.modules.map((m) => (
            <tr key={m.slug}>
              <th scope="row">{titles.get(m.slug) ?? m.slug}</th>
              <td>
                <ModuleCellView cell={m} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Certificate</th>
            <td>
              <CertificateCellView cell={row.certificate} />
            </td>
          </tr>
        </tbody>
      </table>
    </TableWrap>
    </>
  );
}
