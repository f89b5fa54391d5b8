import { LitElement, html, css } from 'lit';
import { kinds } from 'build-time-data';
import '@vaadin/details';

/**
 * The kinds of the project's ving schemas, each with its table's columns as the migrations create them.
 * The data is read at each dev-mode build, so an edited schema shows after the reload.
 */
export class QwcVingKinds extends LitElement {

    static styles = css`
        :host { display: block; padding: 0 var(--lumo-space-m); }
        table { border-collapse: collapse; width: 100%; margin-bottom: var(--lumo-space-s); }
        th, td { text-align: left; padding: 2px var(--lumo-space-s); border-bottom: 1px solid var(--lumo-contrast-10pct); }
        th { color: var(--lumo-contrast-70pct); font-weight: normal; }
        code { font-size: 85%; }
        .summary { font-weight: bold; }
        .table { color: var(--lumo-contrast-60pct); font-weight: normal; }
    `;

    render() {
        if (kinds.length === 0) {
            return html`<p>No ving schemas in this project. Create one with <code>ving schema --new Kind</code>.</p>`;
        }
        return html`${kinds.map(kind => this._kind(kind))}`;
    }

    _kind(kind) {
        return html`
            <vaadin-details opened>
                <span slot="summary" class="summary">${kind.kind}
                    <span class="table">table <code>${kind.table}</code>, ${kind.columns.length} columns, ${kind.file}</span>
                </span>
                <table>
                    <tr><th>Column</th><th>Type</th><th>Definition</th></tr>
                    ${kind.columns.map(column => html`
                        <tr><td><code>${column.name}</code></td><td><code>${column.type}</code></td>
                            <td><code>${column.definition}</code></td></tr>`)}
                </table>
            </vaadin-details>`;
    }
}
customElements.define('qwc-ving-kinds', QwcVingKinds);
