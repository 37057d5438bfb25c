// The extension's debugging path, without VS Code: a stand-in for the `vscode` module gives the
// extension what VS Code would (a workspace folder, an output channel), the extension's own
// DapServerFactory starts `bin/soma --dap` on a script, and this test then plays VS Code's part
// over the port it returns: initialize, launch, a breakpoint, configurationDone, the stop, a
// local, a watch expression, continue, the end.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const Module = require('module');

const root = path.resolve(__dirname, '..', '..', '..');
const launcherJar = path.join(root, 'launcher', 'target', 'soma-launcher.jar');

/** The parts of the `vscode` API the extension's debug factory uses. */
function vscodeStub(output) {
    class DebugAdapterServer { constructor(port, host) { this.port = port; this.host = host; } }
    return {
        workspace: {
            getConfiguration: () => ({ get: () => process.env.SOMA_BIN || '' }),
            workspaceFolders: [{ uri: { fsPath: root } }],
        },
        DebugAdapterServer,
        window: { createOutputChannel: () => output },
        debug: { registerDebugAdapterDescriptorFactory: () => ({ dispose() {} }) },
    };
}

function loadExtension(output) {
    const stub = vscodeStub(output);
    const resolve = Module._resolveFilename;
    // the language client needs the real VS Code; the debug path does not use it
    const stubs = { vscode: stub, 'vscode-languageclient/node': { LanguageClient: class { start() {} stop() {} } } };
    Module._resolveFilename = function (request, ...rest) {
        return request in stubs ? request : resolve.call(this, request, ...rest);
    };
    for (const [id, exports] of Object.entries(stubs)) require.cache[id] = { id, filename: id, loaded: true, exports };
    return require('../extension.js');
}

/** A minimal DAP client: Content-Length framed JSON over a socket. */
function dapClient(socket) {
    let buffer = Buffer.alloc(0);
    let seq = 0;
    const queue = [];
    const waiters = [];
    socket.on('data', data => {
        buffer = Buffer.concat([buffer, data]);
        for (;;) {
            const end = buffer.indexOf('\r\n\r\n');
            if (end < 0) return;
            const length = Number(/Content-Length: (\d+)/.exec(buffer.slice(0, end).toString())[1]);
            if (buffer.length < end + 4 + length) return;
            const message = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString());
            buffer = buffer.slice(end + 4 + length);
            queue.push(message);
            waiters.splice(0).forEach(w => w());
        }
    });
    const next = predicate => new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no answer from soma --dap within 60 s')), 60000);
        const look = () => {
            const i = queue.findIndex(predicate);
            if (i >= 0) { clearTimeout(timer); resolve(queue.splice(i, 1)[0]); } else waiters.push(look);
        };
        look();
    });
    const send = (command, args = {}) => {
        const body = JSON.stringify({ seq: ++seq, type: 'request', command, arguments: args });
        socket.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        return seq;
    };
    return {
        send,
        request: async (command, args) => {
            const id = send(command, args);
            return next(m => m.type === 'response' && m.request_seq === id);
        },
        response: id => next(m => m.type === 'response' && m.request_seq === id),
        event: name => next(m => m.type === 'event' && m.event === name),
    };
}

test('F5 on a script: the extension starts soma --dap and VS Code stops at a breakpoint', {
    skip: fs.existsSync(launcherJar) ? false : 'Soma is not built (no launcher/target/soma-launcher.jar)',
    timeout: 240000,
}, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soma-dap-'));
    const script = path.join(dir, 'debugged.soma');
    fs.writeFileSync(script, [
        'let data = [1, 2, 3]',
        'fn scale(x) {',
        '    let y = x * 2',
        '    let z = y + len(data)',
        '    z',
        '}',
        'print("r = {scale(20)}")',
        '',
    ].join('\n'));
    let log = '';
    const output = { append: s => { log += s; }, appendLine: s => { log += s + '\n'; }, show() {}, dispose() {} };
    const extension = loadExtension(output);
    const port = await new Promise(r => { const s = net.createServer().listen(0, () => { const p = s.address().port; s.close(() => r(p)); }); });
    const factory = new extension.DapServerFactory(output);
    const descriptor = await factory.createDebugAdapterDescriptor({
        configuration: { type: 'soma', request: 'launch', program: script, port },
        workspaceFolder: { uri: { fsPath: root } },
    });
    assert.strictEqual(descriptor.port, port);

    const socket = net.connect(descriptor.port, '127.0.0.1');
    await new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
    const dap = dapClient(socket);
    try {
        const init = await dap.request('initialize', { adapterID: 'soma', linesStartAt1: true, columnsStartAt1: true });
        assert.ok(init.success, JSON.stringify(init));
        const launch = dap.send('launch', { program: script });
        const bp = await dap.request('setBreakpoints', { source: { path: script }, breakpoints: [{ line: 4 }] });
        assert.ok(bp.success, JSON.stringify(bp));
        await dap.request('configurationDone', {});
        assert.ok((await dap.response(launch)).success);

        let stopped = await dap.event('stopped');
        const thread = stopped.body.threadId;
        if (stopped.body.reason !== 'breakpoint') { // stopped on entry first
            await dap.request('continue', { threadId: thread });
            stopped = await dap.event('stopped');
        }
        assert.strictEqual(stopped.body.reason, 'breakpoint');
        const frames = (await dap.request('stackTrace', { threadId: thread })).body.stackFrames;
        assert.strictEqual(frames[0].name, 'scale');
        assert.strictEqual(frames[0].line, 4);
        const scopes = (await dap.request('scopes', { frameId: frames[0].id })).body.scopes;
        const vars = (await dap.request('variables', { variablesReference: scopes[0].variablesReference })).body.variables;
        assert.strictEqual(vars.find(v => v.name === 'y').value, '40');
        const watch = await dap.request('evaluate', { frameId: frames[0].id, expression: 'y + len(data)', context: 'watch' });
        assert.strictEqual(watch.body.result, '43');
        await dap.request('continue', { threadId: thread });
        await dap.event('terminated');
    } finally {
        socket.destroy();
    }
    await new Promise(r => setTimeout(r, 500));
    assert.match(log, /r = 43/, log);
});
