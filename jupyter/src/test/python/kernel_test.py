"""Drives the installed Soma kernel through jupyter_client, as a notebook front end does.

Run by soma.jupyter.KernelTest with JUPYTER_PATH pointing at a folder where
`bin/soma --install-kernel` wrote the spec. Exits non-zero with a message on the first failure.
"""
import base64
import os
import sys
import time

from jupyter_client.manager import start_new_kernel

TIMEOUT = 120


def run(kc, code, timeout=TIMEOUT):
    """Executes code; returns (reply content, list of iopub messages of this request)."""
    msg_id = kc.execute(code)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        outputs.append(msg)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], outputs


def stdout(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def of_type(outputs, kind):
    return [m["content"] for m in outputs if m["msg_type"] == kind]


def check(condition, message, detail=None):
    if not condition:
        print("FAILED: " + message + ("\n" + repr(detail) if detail is not None else ""), file=sys.stderr)
        sys.exit(1)
    print("ok: " + message)


def main():
    km, kc = start_new_kernel(kernel_name="soma", startup_timeout=TIMEOUT, cwd=os.environ.get("SOMA_TEST_CWD"))
    try:
        info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
        check(info["language_info"]["name"] == "soma", "kernel_info names the language", info)

        reply, out = run(kc, 'let a = 40\nprint("a + 2 = {a + 2}")')
        check(reply["status"] == "ok", "a cell runs", reply)
        check(stdout(out) == "a + 2 = 42\n", "print goes to the cell's stdout", out)

        reply, out = run(kc, "a * 2")
        results = of_type(out, "execute_result")
        check(len(results) == 1 and results[0]["data"]["text/plain"] == "80  : num",
              "variables persist across cells and the last value is the cell's result", out)

        reply, out = run(kc, "tensor([[1, 2.5], [3, 4]])")
        html = of_type(out, "execute_result")[0]["data"].get("text/html", "")
        check("<table" in html and "<td>2.5</td>" in html, "a tensor's result has an HTML table", html)

        reply, out = run(kc, "let big = zeros(40, 40)\nbig")
        html = of_type(out, "execute_result")[0]["data"]["text/html"]
        check(html.count("<tr>") == 7 and "&hellip;" in html, "a large tensor's table is truncated like the REPL's text", html)

        reply, out = run(kc, "{name: \"fhn\", n: 3}")
        html = of_type(out, "execute_result")[0]["data"]["text/html"]
        check("<th" in html and "fhn" in html, "a record's result is an HTML summary", html)

        reply, out = run(kc, "let x = 1\nlet y = x + nope\n")
        check(reply["status"] == "error", "an error fails the cell", reply)
        errors = of_type(out, "error")
        trace = "\n".join(errors[0]["traceback"]) if errors else ""
        check(trace.startswith("cell[") and ":2:" in trace and "^" in trace and "nope" in trace,
              "the error names the cell's own line and shows a caret", trace)

        reply, out = run(kc, "print(a)")
        check(reply["status"] == "ok" and stdout(out) == "40\n", "the kernel survives an error", out)

        reply, out = run(kc, "plot([0, 1, 2], [0, 1, 4], title: \"squares\")")
        displays = of_type(out, "display_data")
        check(len(displays) == 1 and "image/png" in displays[0]["data"], "a plot is shown inline as PNG", out)
        png = base64.b64decode(displays[0]["data"]["image/png"])
        check(png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000, "the PNG decodes")
        check("<svg" in displays[0]["data"].get("image/svg+xml", ""), "the plot also comes as SVG", displays[0]["data"].keys())
        check("\u2800" not in stdout(out), "no braille preview in a notebook", stdout(out))

        # interrupt a long simulation: the cell fails with "interrupted", the session lives on
        # (a batch over several threads: that is where simulate shows progress)
        msg_id = kc.execute("ode Slow(k = 1) { state x = 1\n dx/dt = -k * x }\n"
                            "let r = simulate(Slow(), t: 2e4, dt: 0.001, every: 1000000, threads: 2, params: {k: linspace(0.5, 2, 400)})")
        time.sleep(4)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=60)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=60)
        check(reply["content"]["status"] == "error", "interrupt stops a running simulation", reply["content"])
        progress = []
        while True:
            msg = kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            progress.append(msg)
        shown = of_type(progress, "display_data")
        updates = of_type(progress, "update_display_data")
        check(len(shown) == 1 and "display_id" in shown[0]["transient"] and "simulate Slow" in shown[0]["data"]["text/plain"]
              and len(updates) >= 2 and all(u["transient"] == shown[0]["transient"] for u in updates),
              "a long simulation shows one progress display, updated in place", [m["msg_type"] for m in progress])
        errors = of_type(progress, "error")
        check(len(errors) == 1 and "interrupted" in errors[0]["traceback"], "the interrupted cell says so", errors)
        reply, out = run(kc, "print(a + 1)")
        check(stdout(out) == "41\n", "the session works after an interrupt", out)

        # the stop button during EPI: as Ctrl-C in the REPL, epi returns what it learned and the cell succeeds
        folder = os.environ.get("SOMA_TEST_CWD") or os.getcwd()
        checkpoint = os.path.join(folder, "interrupt_epi.ckpt.json")
        if os.path.exists(checkpoint):
            os.remove(checkpoint)
        msg_id = kc.execute("flow Q(dim = 1) {\n scale\n shift\n}\nconstraint M(z) {\n mean(z[:, 0]) == 3\n}\n"
                            "let learned = epi(fn(z) = z, flow: Q(), property: M, epochs: 1000000, iterations: 200, lr: 0.05, "
                            "until_converged: false, quiet: true, checkpoint: \"interrupt_epi.ckpt.json\")")
        deadline = time.time() + 120
        while not os.path.exists(checkpoint) and time.time() < deadline:
            time.sleep(0.1)
        check(os.path.exists(checkpoint), "epi runs in the kernel (its first checkpoint appeared)")
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=60)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=60)
        check(reply["content"]["status"] == "ok", "the stop button ends EPI without an error", reply["content"])
        reply, out = run(kc, 'print(type(learned), learned.finished, learned.epochs >= 1)')
        check(stdout(out) == "epi_result false true\n", "EPI returned what it learned", out)
        os.remove(checkpoint)

        comp = kc.complete("let z = sim", 11, reply=True, timeout=TIMEOUT)["content"]
        check("simulate" in comp["matches"] and comp["cursor_start"] == 8 and comp["cursor_end"] == 11,
              "Tab completes builtins", comp)
        comp = kc.complete("bi", 2, reply=True, timeout=TIMEOUT)["content"]
        check("big" in comp["matches"], "Tab completes the session's globals", comp)
        comp = kc.complete("whi", 3, reply=True, timeout=TIMEOUT)["content"]
        check("while" in comp["matches"], "Tab completes keywords", comp)

        insp = kc.inspect("plot(x, ", 8, reply=True, timeout=TIMEOUT)["content"]
        check(insp["found"] and "plot(x, y" in insp["data"]["text/plain"], "Shift-Tab shows a builtin's signature and help", insp)

        km.restart_kernel(now=True)
        kc.wait_for_ready(timeout=TIMEOUT)
        reply, out = run(kc, "print(a)")
        check(reply["status"] == "error", "restart gives a fresh context", reply)
        reply, out = run(kc, "print(1 + 1)")
        check(stdout(out) == "2\n", "the restarted kernel runs cells", out)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
