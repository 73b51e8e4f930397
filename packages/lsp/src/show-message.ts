import type { Connection } from 'vscode-languageserver';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';

/** How grave a message to the user is. */
export type MessageLevel = 'error' | 'warning' | 'info';

const TYPES = { error: MessageType.Error, warning: MessageType.Warning, info: MessageType.Info };

/**
 * Shows the user a message with `window/showMessage`: a notification, which every editor
 * handles (`connection.window.show*Message` sends a request some editors do not answer).
 */
export function showMessage(connection: Connection, level: MessageLevel, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: TYPES[level], message });
}
