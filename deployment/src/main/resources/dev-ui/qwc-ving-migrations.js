import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import '@vaadin/checkbox';
import '@vaadin/text-field';
import '@vaadin/progress-bar';
import '@vaadin/select';

/**
 * The project's migrations against the dev database, and the `ving drizzle --prepare` and `--up` of them; one
 * datasource at a time, chosen when the application has named ones.
 */
export class QwcVingMigrations extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: block; padding: 0 var(--lumo-space-m); }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 2px var(--lumo-space-s); border-bottom: 1px solid var(--lumo-contrast-10pct); }
        th { color: var(--lumo-contrast-70pct); font-weight: normal; }
        .applied { color: var(--lumo-success-text-color); }
        .pending { color: var(--lumo-contrast-70pct); }
        .partial, .modified, .when_changed, .failed { color: var(--lumo-error-text-color); }
        .actions { display: flex; gap: var(--lumo-space-m); align-items: baseline; flex-wrap: wrap; margin: var(--lumo-space-m) 0; }
        pre { background: var(--lumo-contrast-5pct); padding: var(--lumo-space-s); overflow: auto; }
        .folders { color: var(--lumo-contrast-60pct); font-size: var(--lumo-font-size-s); }
    `;

    static properties = {
        _status: { state: true },
        _outcome: { state: true },
        _busy: { state: true },
        _name: { state: true },
        _confirmDrops: { state: true },
        _datasource: { state: true },
    };

    constructor() {
        super();
        this._status = null;
        this._outcome = null;
        this._busy = false;
        this._name = '';
        this._confirmDrops = false;
        this._datasource = '';
    }

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
    }

    render() {
        if (this._status === null) {
            return this._outcome ? this._renderOutcome() : html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        const status = this._status;
        const waiting = status.migrations.filter(m => m.state === 'pending' || m.state === 'partial').length;
        return html`
            ${this._renderDatasources(status)}
            <p class="folders">Schemas: <code>${status.schemasFolder}</code><br>
                Migrations: <code>${status.migrationsFolder}</code><br>
                Schema sync in dev mode: <code>${status.schemaSync}</code></p>
            ${this._renderUnprepared(status)}
            <div class="actions">
                <vaadin-text-field label="Migration name (optional)" .value=${this._name}
                    @value-changed=${e => this._name = e.detail.value}></vaadin-text-field>
                <vaadin-checkbox label="Drop what disappeared (no renames)" .checked=${this._confirmDrops}
                    @checked-changed=${e => this._confirmDrops = e.detail.value}></vaadin-checkbox>
                <vaadin-button theme="primary" ?disabled=${this._busy} @click=${this._prepare}>Prepare</vaadin-button>
                <vaadin-button ?disabled=${this._busy || waiting === 0} @click=${this._apply}>Apply ${waiting} to the dev database</vaadin-button>
                <vaadin-button theme="tertiary" ?disabled=${this._busy} @click=${this._refresh}>Refresh</vaadin-button>
            </div>
            ${this._renderOutcome()}
            ${this._renderMigrations(status)}`;
    }

    _renderDatasources(status) {
        if (status.dataSources.length < 2) {
            return '';
        }
        const items = status.dataSources.map(name => ({ label: name, value: name }));
        return html`<vaadin-select label="Datasource" .items=${items} .value=${status.dataSource}
            @value-changed=${e => this._choose(e.detail.value)}></vaadin-select>`;
    }

    _choose(name) {
        const chosen = name === '<default>' ? '' : name;
        if (chosen !== this._datasource) {
            this._datasource = chosen;
            this._outcome = null;
            this._refresh();
        }
    }

    _renderUnprepared(status) {
        if (status.unpreparedProblem) {
            return html`<p class="failed">${status.unpreparedProblem}</p>`;
        }
        if (status.unprepared.length === 0) {
            return html`<p>The schemas match the newest migration.</p>`;
        }
        return html`<p>Changed since the newest migration; Prepare writes:</p>
            <pre>${status.unprepared.join(';\n\n')};</pre>`;
    }

    _renderMigrations(status) {
        if (status.migrations.length === 0) {
            return html`<p>No migrations yet.</p>`;
        }
        return html`
            <table>
                <tr><th>Migration</th><th>State</th><th>Statements</th><th>Note</th></tr>
                ${status.migrations.slice().reverse().map(m => html`
                    <tr><td><code>${m.tag}</code></td>
                        <td class=${m.state}>${m.state}</td>
                        <td>${m.state === 'partial' ? `${m.statementsDone} of ${m.statements} done` : m.statements}</td>
                        <td>${m.error ?? (m.behindNewest ? 'older than the newest applied one' : '')}</td></tr>`)}
            </table>
            ${status.unknownLedgerRows > 0
                ? html`<p class="failed">${status.unknownLedgerRows} rows of __drizzle_migrations match no migration of the folder.</p>`
                : ''}`;
    }

    _renderOutcome() {
        if (!this._outcome) {
            return '';
        }
        return html`
            <p class=${this._outcome.ok ? 'applied' : 'failed'}>${this._outcome.message}</p>
            ${this._outcome.sql ? html`<pre>${this._outcome.sql}</pre>` : ''}`;
    }

    _refresh() {
        this.jsonRpc.getStatus({ datasource: this._datasource })
            .then(response => this._status = response.result)
            .catch(error => this._failed(error));
    }

    _prepare() {
        this._run(this.jsonRpc.prepare({ datasource: this._datasource, name: this._name,
            confirmDrops: this._confirmDrops }));
    }

    _apply() {
        this._run(this.jsonRpc.apply({ datasource: this._datasource }));
    }

    _run(call) {
        this._busy = true;
        call.then(response => {
            this._outcome = response.result;
            if (response.result.ok) {
                this._name = '';
            }
        }).catch(error => this._failed(error))
          .finally(() => {
              this._busy = false;
              this._refresh();
          });
    }

    _failed(error) {
        const message = error?.error?.message ?? error?.message ?? String(error);
        this._outcome = { ok: false, message: message, sql: null };
    }
}
customElements.define('qwc-ving-migrations', QwcVingMigrations);
