import { createRoot } from "react-dom/client";
import { FUNCTION_TEXTS } from "../functions/i18n";

/** The function reference, until the budget wizard takes this page over. */
function FunctionList() {
  return (
    <main>
      <h1>EDU 函数 · EDU functions</h1>
      <ul>
        {Object.entries(FUNCTION_TEXTS).map(([id, text]) => (
          <li key={id}>
            <a href={`help/${id}.html`}>
              EDU.{text.zhName} (EDU.{id})
            </a>
            ：{text.zhDescription}
          </li>
        ))}
      </ul>
    </main>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<FunctionList />);
