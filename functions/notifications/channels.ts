// Channel adapters behind one interface: SES e-mail and SNS SMS on AWS, the outbox in the local runtime.
import type { NotificationRecord } from '../storage/records';
import type { RenderedMessage } from './render';

export interface NotificationChannel {
  send(notification: NotificationRecord, message: RenderedMessage): Promise<void>;
}

/** Local runtime: sending is recording. The notification item itself, marked delivered, is the outbox entry. */
export const outboxChannel: NotificationChannel = {
  async send() {},
};

export interface SesSnsOptions {
  readonly fromAddress: string;
  readonly configurationSet?: string;
  readonly smsSenderId?: string;
}

/** AWS: SES v2 for e-mail, SNS for SMS (transactional). Clients load on first use, so the local path never pays. */
export function sesSnsChannel(options: SesSnsOptions): NotificationChannel {
  let clients:
    | Promise<{
        ses: import('@aws-sdk/client-sesv2').SESv2Client;
        sns: import('@aws-sdk/client-sns').SNSClient;
      }>
    | undefined;
  const load = () => {
    clients ??= Promise.all([import('@aws-sdk/client-sesv2'), import('@aws-sdk/client-sns')]).then(
      ([sesv2, sns]) => ({
        ses: new sesv2.SESv2Client({}),
        sns: new sns.SNSClient({}),
      }),
    );
    return clients;
  };
  return {
    async send(notification, message) {
      const { ses, sns } = await load();
      if (notification.channel === 'email') {
        const { SendEmailCommand } = await import('@aws-sdk/client-sesv2');
        await ses.send(
          new SendEmailCommand({
            FromEmailAddress: options.fromAddress,
            Destination: { ToAddresses: [notification.to] },
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: message.body, Charset: 'UTF-8' } },
              },
            },
            ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
          }),
        );
        return;
      }
      const { PublishCommand } = await import('@aws-sdk/client-sns');
      await sns.send(
        new PublishCommand({
          PhoneNumber: toE164(notification.to),
          Message: message.body,
          MessageAttributes: {
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
            ...(options.smsSenderId
              ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: options.smsSenderId } }
              : {}),
          },
        }),
      );
    },
  };
}

/** 0912345678 → +84912345678. */
export function toE164(phone: string): string {
  return phone.startsWith('0') ? `+84${phone.slice(1)}` : phone;
}
