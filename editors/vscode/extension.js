// The Soma extension: starts the language server (`soma --lsp`) for .soma files, and debugs a
// script by running it under `soma --dap=PORT` and connecting VS Code's debugger to that port.
'use strict';
const vscode = require('vscode');
const fs = require('fs');
const net = require('net');
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

/** Resolves once something listens on the port (the script's debugger is up), or fails after a minute. */
function waitForPort(port, deadline = Date.now() + 60000) {
    return new Promise((resolve, reject) => {
        const attempt = () => {
            const socket = net.connect(port, '127.0.0.1');
            socket.once('connect', () => { socket.destroy(); resolve(); });
            socket.once('error', () => {
                socket.destroy();
                if (Date.now() > deadline) reject(new Error(`soma --dap did not open port ${port}`));
                else setTimeout(attempt, 250);
            });
        };
        attempt();
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
        await waitForPort(port);
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

module.exports = { activate, deactivate };
