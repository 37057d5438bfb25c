// The Soma extension: starts the language server (`soma --lsp`) for .soma files, and debugs a
// script by running it under `soma --dap=PORT` and connecting VS Code's debugger to that port.
'use strict';
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

/** The soma launcher: the setting, else bin/soma of an open Soma checkout, else `soma` on the PATH. */
function somaCommand() {
    const configured = vscode.workspace.getConfiguration('soma').get('path');
    if (configured) return configured;
    for (const folder of vscode.workspace.workspaceFolders || []) {
        const candidate = path.join(folder.uri.fsPath, 'bin', 'soma');
        if (fs.existsSync(candidate)) return candidate;
    }
    return 'soma';
}

/**
 * Resolves when the script's debugger listens: soma --dap prints "[Graal DAP] Starting server and
 * listening on ..." first. (Probing the port by connecting would not do: GraalVM's DAP server takes
 * exactly one client, so a probe would use up the connection meant for VS Code.)
 */
function waitForListening(child, port, timeoutMs = 120000) {
    return new Promise((resolve, reject) => {
        let seen = '';
        const timer = setTimeout(() => done(new Error(`soma --dap did not open port ${port} within ${timeoutMs / 1000} s`)), timeoutMs);
        const onData = data => {
            seen += data.toString();
            if (/listening on/.test(seen)) done();
        };
        const onExit = code => done(new Error(`soma exited with status ${code} before its debugger listened:\n${seen}`));
        function done(error) {
            clearTimeout(timer);
            child.stdout.off('data', onData);
            child.stderr.off('data', onData);
            child.off('exit', onExit);
            if (error) reject(error); else resolve();
        }
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', onExit);
    });
}

class DapServerFactory {
    constructor(output) { this.output = output; }

    async createDebugAdapterDescriptor(session) {
        const config = session.configuration;
        const port = config.port || 4711;
        const args = [`--dap=${port}`, config.program, ...(config.args || [])];
        const cwd = session.workspaceFolder ? session.workspaceFolder.uri.fsPath : path.dirname(config.program);
        const child = spawn(somaCommand(), args, { cwd });
        child.stdout.on('data', data => this.output.append(data.toString()));
        child.stderr.on('data', data => this.output.append(data.toString()));
        child.on('exit', code => this.output.appendLine(`soma exited with status ${code}`));
        this.output.show(true);
        await waitForListening(child, port);
        return new vscode.DebugAdapterServer(port);
    }
}

function activate(context) {
    const output = vscode.window.createOutputChannel('Soma');
    client = new LanguageClient('soma', 'Soma language server',
        { command: somaCommand(), args: ['--lsp'] },
        { documentSelector: [{ scheme: 'file', language: 'soma' }, { scheme: 'untitled', language: 'soma' }] });
    client.start();
    context.subscriptions.push(output,
        vscode.debug.registerDebugAdapterDescriptorFactory('soma', new DapServerFactory(output)));
}

function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, DapServerFactory, somaCommand };
